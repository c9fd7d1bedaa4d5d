import JSONRPC
import SocPOSIX
import SocSim
import Testing

@testable import SocDaemon

/// `rules.check`, `rules.setPolicy`, `rules.export` and `rules.import`.
@Suite("rules: check, policy, export and import")
struct RulesCheckAndExchangeTests {
    static let attack: JSONValue = ["src": "198.51.100.7", "dst": "10.0.0.10", "dport": 80]

    @Test func checkFallsBackToTheDefaultPolicy() throws {
        let daemon = try RulesTestDaemon()
        let verdict = try daemon.call("rules.check", Self.attack)
        #expect(verdict["verdict"] == "ACCEPT")
        #expect(verdict["decidedBy"] == "default policy")
        #expect(verdict["rule"] == nil)
    }

    @Test func checkNamesTheFirstMatchingRuleAndCountsNoHit() throws {
        let daemon = try RulesTestDaemon()
        try daemon.add(["src": "203.0.113.1", "action": "drop"])
        let drop = try daemon.add([
            "src": "198.51.100.7", "dst": "10.0.0.10", "sport": "ANY", "dport": 80, "action": "DROP",
        ])
        let verdict = try daemon.call("rules.check", Self.attack)
        #expect(verdict["verdict"] == "DROP")
        #expect(verdict["rule"]?["id"] == drop["id"])
        #expect(verdict["decidedBy"]?.stringValue == "rule \(drop["id"]!.intValue!) at position 2")
        #expect(
            try daemon.call("rules.check", ["src": "198.51.100.7", "dst": "10.0.0.10", "dport": 81])["verdict"]
                == "ACCEPT")
        #expect(
            try daemon.call("rules.check", ["src": "198.51.100.8", "dst": "10.0.0.10", "dport": 80])["verdict"]
                == "ACCEPT")
        // ICMP has no ports, so a rule with a port never matches it.
        #expect(
            try daemon.call("rules.check", ["src": "198.51.100.7", "dst": "10.0.0.10", "proto": "ICMP"])["verdict"]
                == "ACCEPT")
        #expect(
            try daemon.call("rules.check", ["src": "198.51.100.7", "dst": "10.0.0.10", "proto": "udp"])["verdict"]
                == "DROP")

        // First match wins: an ACCEPT in front decides instead.
        let allow = try daemon.add(["src": "198.51.100.0/24", "action": "pass", "position": 1])
        let now = try daemon.call("rules.check", Self.attack)
        #expect(now["verdict"] == "ACCEPT")
        #expect(now["rule"]?["id"] == allow["id"])
        #expect(now["decidedBy"]?.stringValue == "rule \(allow["id"]!.intValue!) at position 1")
        #expect(try daemon.rules().allSatisfy { $0["hits"] == 0 }, "a dry run counts no hits")
    }

    @Test func checkRefusesBadPackets() throws {
        let daemon = try RulesTestDaemon()
        #expect(
            try daemon.error("rules.check", ["src": "10.0.0.300", "dst": "10.0.0.1"])["message"]
                == #"Invalid params: src: "10.0.0.300" is not an IPv4 address"#)
        #expect(
            try daemon.error("rules.check", ["src": "10.0.0.1", "dst": "10.0.0.0/24"])["message"]
                == #"Invalid params: dst: "10.0.0.0/24" is not an IPv4 address"#)
        #expect(
            try daemon.error("rules.check", ["src": "10.0.0.1", "dst": "10.0.0.2", "dport": 70000])["message"]
                == "Invalid params: dport: 70000 is outside 0-65535")
        #expect(
            try daemon.error("rules.check", ["src": "10.0.0.1", "dst": "10.0.0.2", "proto": "any"])["message"]
                == #"Invalid params: proto: "any" is not one of tcp, udp, icmp"#)
        #expect(try daemon.error("rules.check", ["src": "10.0.0.1"])["data"]?["field"] == "dst")
    }

    @Test func anExpiredRuleStopsMatchingAtOnce() throws {
        let daemon = try RulesTestDaemon()
        let rule = try daemon.add(["src": "198.51.100.7", "action": "drop", "ttl": 60])
        let expiresAt = try #require(ISO8601.parse(rule["expiresAt"]?.stringValue ?? ""))
        let packet = FiveTuple(
            source: IPv4Address("198.51.100.7")!, destination: IPv4Address("10.0.0.10")!, sourcePort: 40000,
            destinationPort: 80, proto: .tcp)
        #expect(daemon.services.firewall.check(packet, now: expiresAt - 1000).decision.action == .drop)
        #expect(daemon.services.firewall.check(packet, now: expiresAt + 1000).decision.action == .accept)
    }

    @Test func setPolicyChangesTheDefaultAndReportsThePreviousOne() throws {
        let daemon = try RulesTestDaemon()
        let first = try daemon.call("rules.setPolicy", ["policy": "drop"])
        #expect(first == ["previous": "ACCEPT", "policy": "DROP"])
        let verdict = try daemon.call("rules.check", Self.attack)
        #expect(verdict["verdict"] == "DROP")
        #expect(verdict["decidedBy"] == "default policy")
        #expect(try daemon.call("rules.list")["policy"] == "DROP")
        #expect(try daemon.call("rules.setPolicy", ["policy": "PASS"]) == ["previous": "DROP", "policy": "ACCEPT"])
        let bad = try daemon.error("rules.setPolicy", ["policy": "block"])
        #expect(
            bad["message"] == #"Invalid params: policy: "block" is not one of ACCEPT, DROP, REJECT (PASS means ACCEPT)"#
        )
        #expect(try daemon.call("rules.list")["policy"] == "ACCEPT")
    }

    /// A table with every kind of field that every format can carry.
    static func seed(_ daemon: RulesTestDaemon) throws {
        let specs: [JSONValue] = [
            ["src": "198.51.100.7", "dst": "10.0.0.10", "dport": 80, "action": "drop", "comment": "room: attacker"],
            ["src": "198.51.100.0/24", "sport": "1000-2000", "proto": "tcp", "action": "reject"],
            ["dst": "10.0.0.0/8", "dport": 53, "proto": "udp", "action": "accept", "comment": "DNS ✓"],
            ["src": "203.0.113.5", "dport": "8000-8080", "action": "drop"],
            ["src": "192.0.2.1", "proto": "icmp", "action": "drop"],
            ["proto": "tcp", "action": "accept"],
            ["dst": "10.0.0.20", "action": "reject", "comment": "db"],
        ]
        for spec in specs { try daemon.add(spec) }
    }

    /// The rules as the exchange formats carry them (no ids, times or counters).
    static func shape(_ rules: [JSONValue]) -> [String] {
        rules.map { rule in
            ["src", "dst", "sport", "dport", "proto", "action", "comment"].map { rule[$0]?.serializedString ?? "-" }
                .joined(separator: " ")
        }
    }

    @Test(arguments: ["json", "nft", "iptables-restore"])
    func exportThenImportReproducesTheTableAndPolicy(format: String) throws {
        let source = try RulesTestDaemon()
        try Self.seed(source)
        try source.call("rules.setPolicy", ["policy": "drop"])
        let export = try source.call("rules.export", ["format": .string(format)])
        #expect(export["count"] == 7)
        #expect(export["format"]?.stringValue == format)
        let content = try #require(export["content"])

        let target = try RulesTestDaemon()
        try target.add(["src": "10.9.9.9", "action": "drop"])
        let imported = try target.call(
            "rules.import", ["format": .string(format), "content": content, "replace": true])
        #expect(imported["created"] == 7)
        #expect(imported["extended"] == 0)
        #expect(Self.shape(try target.rules()) == Self.shape(try source.rules()))
        #expect(try target.call("rules.list")["policy"] == "DROP")
        #expect(try target.call("rules.export", ["format": .string(format)])["content"] == content || format == "json")
    }

    @Test func jsonCarriesExpiry() throws {
        let source = try RulesTestDaemon()
        try source.add(["src": "198.51.100.7", "action": "drop", "ttl": "2h"])
        let content = try #require(try source.call("rules.export", ["format": "json"])["content"])
        let target = try RulesTestDaemon()
        try target.call("rules.import", ["format": "json", "content": content])
        let original = try #require(ISO8601.parse(try source.rules()[0]["expiresAt"]?.stringValue ?? ""))
        let copied = try #require(ISO8601.parse(try target.rules()[0]["expiresAt"]?.stringValue ?? ""))
        #expect(abs(copied - original) <= 1000)
    }

    @Test func importWithoutReplaceAddsExtendsAndKeepsThePolicy() throws {
        let daemon = try RulesTestDaemon()
        try daemon.add(["src": "198.51.100.7", "dst": "10.0.0.10", "dport": 80, "action": "drop"])
        let content = """
            {"policy": "DROP", "rules": [
              {"src": "198.51.100.7", "dst": "10.0.0.10", "dport": "80", "action": "DROP"},
              {"src": "198.51.100.8", "action": "drop", "id": 77, "position": 9, "hits": 3, "createdAt": "2020-01-01T00:00:00Z"}
            ]}
            """
        let result = try daemon.call("rules.import", ["format": "json", "content": .string(content)])
        #expect(result["created"] == 1)
        #expect(result["extended"] == 1)
        #expect(try daemon.rules().count == 2)
        #expect(try daemon.call("rules.list")["policy"] == "ACCEPT", "only a replacing import sets the policy")
        #expect(try daemon.rules()[1]["hits"] == 0)
    }

    @Test func importRefusesBadContentAndAddsNothing() throws {
        let daemon = try RulesTestDaemon()
        try daemon.add(["src": "10.0.0.1", "action": "drop"])
        let notJSON = try daemon.error("rules.import", ["format": "json", "content": "{"])
        #expect(notJSON["data"]?["field"] == "content")
        #expect(notJSON["message"]?.stringValue?.hasPrefix("Invalid params: content: not JSON") == true)
        let badRule = try daemon.error(
            "rules.import",
            [
                "format": "json",
                "content": #"[{"src": "10.0.0.2", "action": "drop"}, {"dport": 70000, "action": "drop"}]"#,
            ])
        #expect(badRule["message"] == "Invalid params: content.rules[1].dport: 70000 is outside 0-65535")
        let badNft = try daemon.error(
            "rules.import",
            ["format": "nft", "content": "table inet socd {\n\tip saddr 10.0.0.300 drop\n}\n", "replace": true])
        #expect(badNft["data"]?["field"] == "content")
        #expect(badNft["message"]?.stringValue?.contains("line 2") == true, "\(badNft)")
        let badIptables = try daemon.error(
            "rules.import",
            ["format": "iptables-restore", "content": "*filter\n-A FORWARD -s 10.0.0.2 -j LOG\nCOMMIT\n"])
        #expect(badIptables["message"]?.stringValue?.contains("line 2") == true, "\(badIptables)")
        #expect(try daemon.error("rules.import", ["format": "yaml", "content": ""])["data"]?["field"] == "format")
        #expect(try daemon.rules().map { $0["src"]?.stringValue ?? "" } == ["10.0.0.1"])
    }

    /// Chains accept only an ACCEPT or DROP policy; a REJECT policy must still export to a script
    /// nft and iptables-restore load, and come back deciding every packet the same way.
    @Test(arguments: ["nft", "iptables-restore"])
    func aRejectPolicyExportsAsAScriptThatKeepsItsMeaning(format: String) throws {
        let source = try RulesTestDaemon()
        try source.add(["src": "198.51.100.7", "action": "accept"])
        try source.call("rules.setPolicy", ["policy": "reject"])
        let content = try #require(try source.call("rules.export", ["format": .string(format)])["content"])
        #expect(content.stringValue?.contains("policy reject") == false)
        let target = try RulesTestDaemon()
        try target.call("rules.import", ["format": .string(format), "content": content, "replace": true])
        let other: JSONValue = ["src": "203.0.113.9", "dst": "10.0.0.10", "dport": 80]
        #expect(try target.call("rules.check", other)["verdict"] == "REJECT")
        #expect(try target.call("rules.check", Self.attack)["verdict"] == "ACCEPT")
    }
}
