import JSONRPC
import SocPOSIX
import SocSim
import Testing

@testable import SocDaemon

/// `rules.list`, `rules.get`, `rules.update`, `rules.delete`, `rules.move`, `rules.clear`.
@Suite("rules: listing and editing")
struct RulesEditingTests {
    /// A small table with a bit of everything, in this order.
    static func seed(_ daemon: RulesTestDaemon) throws -> [Int] {
        let specs: [JSONValue] = [
            ["src": "198.51.100.7", "dst": "10.0.0.10", "dport": 80, "action": "drop", "comment": "Room attacker"],
            ["src": "198.51.100.0/24", "dport": "1000-2000", "proto": "tcp", "action": "reject"],
            ["dst": "10.0.0.10", "dport": 443, "action": "accept", "comment": "web TLS"],
            ["src": "203.0.113.5", "sport": 53, "proto": "udp", "action": "drop", "comment": "dns flood"],
            ["action": "accept"],
        ]
        return try specs.map { try daemon.add($0)["id"]?.intValue ?? 0 }
    }

    private func sources(_ rules: [JSONValue]) -> [String] { rules.map { $0["src"]?.stringValue ?? "?" } }

    @Test func listFiltersBySourceDestinationPortActionAndComment() throws {
        let daemon = try RulesTestDaemon()
        let ids = try Self.seed(daemon)
        func listed(_ filter: JSONValue) throws -> [Int] { try daemon.rules(filter).map { $0["id"]?.intValue ?? 0 } }
        // An address finds the rules whose network contains it; a CIDR that network exactly.
        #expect(try listed(["src": "198.51.100.7"]) == [ids[0], ids[1]])
        #expect(try listed(["src": "198.51.100.0/24"]) == [ids[1]])
        #expect(try listed(["src": "any"]) == [ids[2], ids[4]])
        #expect(try listed(["dst": "10.0.0.10"]) == [ids[0], ids[2]])
        #expect(try listed(["port": 80]) == [ids[0]])
        #expect(try listed(["port": 1500]) == [ids[1]])
        #expect(try listed(["port": 53]) == [ids[3]])
        #expect(try listed(["action": "pass"]) == [ids[2], ids[4]])
        #expect(try listed(["comment": "ROOM"]) == [ids[0]])
        #expect(try listed(["src": "198.51.100.7", "action": "reject"]) == [ids[1]])
        #expect(try listed(["comment": "nothing like it"]) == [])
        let all = try daemon.call("rules.list")
        #expect(all["total"] == 5)
        #expect(all["policy"] == "ACCEPT")
    }

    @Test func listPagesWithOffsetAndLimit() throws {
        let daemon = try RulesTestDaemon()
        let ids = try Self.seed(daemon)
        let page = try daemon.call("rules.list", ["offset": 1, "limit": 2])
        #expect(page["rules"]?.arrayValue?.map { $0["id"]?.intValue ?? 0 } == [ids[1], ids[2]])
        #expect(page["rules"]?.arrayValue?.map { $0["position"]?.intValue ?? 0 } == [2, 3])
        #expect(page["total"] == 5)
        let filtered = try daemon.call("rules.list", ["action": "accept", "offset": 1, "limit": 5])
        #expect(filtered["rules"]?.arrayValue?.map { $0["id"]?.intValue ?? 0 } == [ids[4]])
        #expect(filtered["total"] == 2)
        #expect(try daemon.call("rules.list", ["offset": 10])["rules"] == [])
    }

    @Test func listRefusesBadFiltersAndPaging() throws {
        let daemon = try RulesTestDaemon()
        #expect(
            try daemon.error("rules.list", ["limit": 0])["message"] == "Invalid params: limit: 0 is outside 1-10000")
        #expect(try daemon.error("rules.list", ["offset": -1])["message"] == "Invalid params: offset: -1 is below 0")
        #expect(
            try daemon.error("rules.list", ["port": 65536])["message"]
                == "Invalid params: port: 65536 is outside 0-65535")
        #expect(
            try daemon.error("rules.list", ["src": "10.0.0.300"])["message"]
                == #"Invalid params: src: "10.0.0.300" is not an IPv4 address or CIDR"#)
        #expect(try daemon.error("rules.list", ["action": "nope"])["data"]?["field"] == "action")
    }

    @Test func getFindsARuleOrSaysWhichIdIsMissing() throws {
        let daemon = try RulesTestDaemon()
        let ids = try Self.seed(daemon)
        let rule = try daemon.call("rules.get", ["id": .int(ids[2])])
        #expect(rule["position"] == 3)
        #expect(rule["comment"] == "web TLS")
        let error = try daemon.error("rules.get", ["id": 999])
        #expect(error["code"] == -32001)
        #expect(error["message"] == "no firewall rule 999")
        #expect(error["data"]?["kind"] == "notFound")
        #expect(error["data"]?["id"] == 999)
    }

    @Test func ttlSetsExpiryFromNow() throws {
        let daemon = try RulesTestDaemon()
        let cases: [(JSONValue, Int)] = [
            (90, 90), ("30m", 1800), ("4h", 14400), ("1d", 86400), ("1h30m", 5400), ("3600", 3600),
        ]
        for (index, (ttl, seconds)) in cases.enumerated() {
            let before = WallClock.nowMilliseconds
            let rule = try daemon.add(["src": "10.0.0.1", "dport": .int(index), "action": "drop", "ttl": ttl])
            let after = WallClock.nowMilliseconds
            let expiresAt = try #require(ISO8601.parse(rule["expiresAt"]?.stringValue ?? ""))
            // ISO 8601 output may drop milliseconds: allow a second of slack below.
            #expect(expiresAt >= before + Int64(seconds) * 1000 - 1000 && expiresAt <= after + Int64(seconds) * 1000)
        }
    }

    @Test func updateChangesFieldsAndKeepsIdPositionAndHits() throws {
        let daemon = try RulesTestDaemon()
        let ids = try Self.seed(daemon)
        _ = daemon.services.firewall.decide(
            FiveTuple(
                source: IPv4Address("198.51.100.7")!, destination: IPv4Address("10.0.0.10")!, sourcePort: 40000,
                destinationPort: 80, proto: .tcp), now: WallClock.nowMilliseconds)
        let updated = try daemon.call(
            "rules.update", ["id": .int(ids[0]), "dport": "8080-8090", "action": "Reject", "comment": "moved port"])
        #expect(updated["id"] == .int(ids[0]))
        #expect(updated["position"] == 1)
        #expect(updated["src"] == "198.51.100.7")
        #expect(updated["dport"] == "8080-8090")
        #expect(updated["action"] == "REJECT")
        #expect(updated["comment"] == "moved port")
        #expect(updated["hits"] == 1)
        #expect(try daemon.call("rules.get", ["id": .int(ids[0])]) == updated)

        let timed = try daemon.call("rules.update", ["id": .int(ids[0]), "ttl": "1h"])
        #expect(timed["expiresAt"] != nil)
        let kept = try daemon.call("rules.update", ["id": .int(ids[0]), "comment": "still timed"])
        #expect(kept["expiresAt"] == timed["expiresAt"], "no ttl keeps the expiry")
        let permanent = try daemon.call("rules.update", ["id": .int(ids[0]), "ttl": 0])
        #expect(permanent["expiresAt"] == nil)
        let timedAgain = try daemon.call("rules.update", ["id": .int(ids[0]), "ttl": "2h"])
        #expect(timedAgain["expiresAt"] != nil)
        #expect(try daemon.call("rules.update", ["id": .int(ids[0]), "ttl": "0"])["expiresAt"] == nil)
    }

    @Test func updateRefusesBadFieldsUnknownIdsAndDuplicates() throws {
        let daemon = try RulesTestDaemon()
        let ids = try Self.seed(daemon)
        let bad = try daemon.error("rules.update", ["id": .int(ids[0]), "dport": 70000])
        #expect(bad["message"] == "Invalid params: dport: 70000 is outside 0-65535")
        let icmp = try daemon.error("rules.update", ["id": .int(ids[0]), "proto": "icmp"])
        #expect(icmp["message"] == "Invalid params: dport: 80 cannot be used with proto icmp, which has no ports")
        let missing = try daemon.error("rules.update", ["id": 999, "comment": "x"])
        #expect(missing["code"] == -32001)
        #expect(missing["message"] == "no firewall rule 999")
        // Making rule 5 (ANY ... ACCEPT) equal to rule 3 would leave two identical rules.
        let conflict = try daemon.error(
            "rules.update", ["id": .int(ids[4]), "dst": "10.0.0.10", "dport": 443])
        #expect(conflict["code"] == -32002)
        #expect(conflict["message"]?.stringValue == "rule \(ids[2]) already has this match and action")
        #expect(conflict["data"]?["kind"] == "conflict")
        #expect(conflict["data"]?["id"] == .int(ids[2]))
        #expect(try daemon.call("rules.get", ["id": .int(ids[4])])["dst"] == "ANY", "a refused update changes nothing")
        // Updating a rule to its own match is no conflict.
        #expect(try daemon.call("rules.update", ["id": .int(ids[2]), "dport": 443])["dport"] == 443)
    }

    @Test func deleteByIdOrByMatchingFields() throws {
        let daemon = try RulesTestDaemon()
        let ids = try Self.seed(daemon)
        #expect(try daemon.call("rules.delete", ["id": .int(ids[1])])["deleted"] == [.int(ids[1])])
        #expect(try daemon.rules().map { $0["position"]?.intValue ?? 0 } == [1, 2, 3, 4])
        let again = try daemon.error("rules.delete", ["id": .int(ids[1])])
        #expect(again["code"] == -32001)
        #expect(again["message"]?.stringValue == "no firewall rule \(ids[1])")
        // fail2ban's unbanip: every rule with exactly these fields.
        try daemon.add(["src": "198.51.100.7", "dport": 22, "action": "drop"])
        let unban = try daemon.call("rules.delete", ["src": "198.51.100.7", "action": "DROP"])
        #expect(unban["deleted"]?.arrayValue?.count == 2)
        #expect(try daemon.rules(["src": "198.51.100.7"]).isEmpty)
        let none = try daemon.error("rules.delete", ["src": "192.0.2.1"])
        #expect(none["code"] == -32001)
        #expect(none["message"] == "no rule matches src 192.0.2.1")
        let anyDst = try daemon.call("rules.delete", ["dst": "any", "dport": "any", "action": "accept"])
        #expect(anyDst["deleted"] == [.int(ids[4])])
    }

    @Test func deleteRefusesNoCriteriaBothKindsAndBadFields() throws {
        let daemon = try RulesTestDaemon()
        _ = try Self.seed(daemon)
        let nothing = try daemon.error("rules.delete", [:])
        #expect(nothing["code"] == -32602)
        #expect(
            nothing["message"] == "Invalid params: give id, or at least one of src, dst, sport, dport, proto, action")
        let both = try daemon.error("rules.delete", ["id": 1, "src": "198.51.100.7"])
        #expect(both["message"] == "Invalid params: id: give either id or match fields, not both")
        let bad = try daemon.error("rules.delete", ["sport": "90-80"])
        #expect(bad["message"] == #"Invalid params: sport: "90-80" is an empty range"#)
        #expect(try daemon.rules().count == 5)
    }

    @Test func moveReordersAndRefusesBadPositions() throws {
        let daemon = try RulesTestDaemon()
        let ids = try Self.seed(daemon)
        func order() throws -> [Int] { try daemon.rules().map { $0["id"]?.intValue ?? 0 } }
        #expect(try daemon.call("rules.move", ["id": .int(ids[4]), "position": 1])["position"] == 1)
        #expect(try order() == [ids[4], ids[0], ids[1], ids[2], ids[3]])
        #expect(try daemon.call("rules.move", ["id": .int(ids[4]), "position": 5])["position"] == 5)
        #expect(try order() == ids)
        try daemon.call("rules.move", ["id": .int(ids[0]), "position": 3])
        #expect(try order() == [ids[1], ids[2], ids[0], ids[3], ids[4]])
        try daemon.call("rules.move", ["id": .int(ids[3]), "position": 2])
        #expect(try order() == [ids[1], ids[3], ids[2], ids[0], ids[4]])
        try daemon.call("rules.move", ["id": .int(ids[3]), "position": 2])
        #expect(try order() == [ids[1], ids[3], ids[2], ids[0], ids[4]])
        #expect(
            try daemon.error("rules.move", ["id": .int(ids[0]), "position": 6])["message"]
                == "Invalid params: position: 6 is outside 1-5")
        #expect(
            try daemon.error("rules.move", ["id": .int(ids[0]), "position": 0])["message"]
                == "Invalid params: position: 0 is outside 1-5")
        #expect(try daemon.error("rules.move", ["id": 999, "position": 1])["message"] == "no firewall rule 999")
        #expect(try order() == [ids[1], ids[3], ids[2], ids[0], ids[4]])
        // The stored order is what a reload finds.
        daemon.services.firewall.reload()
        #expect(try order() == [ids[1], ids[3], ids[2], ids[0], ids[4]])
    }

    @Test func clearNeedsConfirmation() throws {
        let daemon = try RulesTestDaemon()
        _ = try Self.seed(daemon)
        let unconfirmed = try daemon.error("rules.clear", ["confirm": false])
        #expect(unconfirmed["message"] == "Invalid params: confirm: must be true to delete every rule")
        #expect(try daemon.error("rules.clear", [:])["data"]?["field"] == "confirm")
        #expect(try daemon.rules().count == 5)
        #expect(try daemon.call("rules.clear", ["confirm": true])["deleted"] == 5)
        #expect(try daemon.rules().isEmpty)
        #expect(try daemon.call("rules.clear", ["confirm": true])["deleted"] == 0)
    }

    @Test func writesAreRefusedToCallersWhoMayNotChangeState() throws {
        let daemon = try RulesTestDaemon()
        var visitor = daemon.context
        visitor.peer = PeerCredentials(pid: 77, uid: 65534, gid: 65534)
        visitor.mayChangeState = false
        let reply = try daemon.reply("rules.add", ["src": "10.0.0.1", "action": "drop"], context: visitor)
        #expect(reply["error"]?["code"] == -32003)
        #expect(try daemon.reply("rules.list", [:], context: visitor)["result"]?["total"] == 0)
    }
}
