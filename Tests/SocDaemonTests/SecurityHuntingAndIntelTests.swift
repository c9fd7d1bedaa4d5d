import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim
import Testing

@testable import SocDaemon

/// Threat hunting over the SIEM's retained events, saved hunts, threat intel matched against
/// the stream, and the `alerts` and `incidents` topics.
@Suite("SIEM hunting, intel and topics")
struct SecurityHuntingAndIntelTests {
    @Test func huntsGroupTheFloodByItsSourceAndPointAtTheBadToken() throws {
        let daemon = try SecurityTests.floodedDaemon()
        defer { daemon.close() }
        let attacker = try SecurityTests.attacker(daemon)
        let grouped = try daemon.call(
            "logs.query",
            ["where": "source=web.access and source.ip in 198.51.100.0/24", "groupBy": ["source.ip"], "limit": 1])
        let top = try #require(grouped["groups"]?.arrayValue?.first)
        #expect(top["values"] == [.string(attacker)])
        #expect((top["count"]?.intValue ?? 0) > 1000)
        #expect(grouped["events"] == nil)
        #expect((grouped["distinctGroups"]?.intValue ?? 0) >= 1)

        let events = try daemon.call(
            "logs.query",
            ["source": "firewall", "where": .string("source.ip=\(attacker)"), "limit": 3, "sinceTick": 100])
        let found = try #require(events["events"]?.arrayValue)
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0["source"] == "firewall" && ($0["tick"]?.intValue ?? 0) >= 100 })
        #expect(found.allSatisfy { $0["ecs"]?["source.ip"]?.stringValue == attacker })
        #expect(found.allSatisfy { $0["line"]?.stringValue?.contains("SRC=\(attacker)") == true })

        let broken = try daemon.error("logs.query", ["where": "source.ip in 198.51.100.0/24 and and"])
        #expect(broken["code"] == .int(RPCErrorCode.invalidParams))
        #expect(broken["data"]?["column"] == 34)
        #expect(
            broken["data"]?["diagnostic"]?.stringValue?.hasSuffix("\n" + String(repeating: " ", count: 33) + "^^^")
                == true)
        #expect(try daemon.error("logs.query", ["where": "", "source": "syslog"])["data"]?["field"] == "source")
        #expect(try daemon.error("logs.query", ["where": "", "limit": 0])["data"]?["field"] == "limit")
    }

    @Test func savedHuntsRunAndPersistAcrossAReopen() throws {
        let directory = try RulesTestDirectory()
        do {
            let daemon = try SecurityTests.floodedDaemon(directory: directory)
            try daemon.call(
                "hunts.save",
                ["name": "flood", "query": "source=web.access and event.outcome=failure", "groupBy": ["source.ip"]])
            #expect(
                try daemon.error("hunts.save", ["name": "bad", "query": "source.ip in"])["code"]
                    == .int(RPCErrorCode.invalidParams))
            let run = try daemon.call("hunts.run", ["name": "flood"])
            #expect(run["groupBy"] == ["source.ip"])
            #expect((run["matched"]?.intValue ?? 0) > 0)
            daemon.close()
        }
        let reopened = try RulesTestDaemon(directory: directory)
        defer { reopened.close() }
        let hunts = try #require(try reopened.call("hunts.list")["hunts"]?.arrayValue)
        #expect(hunts.map { $0["name"] } == ["flood"])
        #expect(hunts.first?["query"] == "source=web.access and event.outcome=failure")
        try reopened.call("hunts.delete", ["name": "flood"])
        #expect(try reopened.error("hunts.delete", ["name": "flood"])["code"] == .int(RPCErrorCode.notFound))
        #expect(try reopened.error("hunts.run", ["name": "flood"])["code"] == .int(RPCErrorCode.notFound))
    }

    @Test func anIndicatorForTheAttackersNetworkRaisesAThreatIntelAlert() throws {
        let daemon = try RulesTestDaemon()
        defer { daemon.close() }
        try daemon.call("sim.pause")
        try daemon.call("scenario.load", ["name": "web-flood", "seed": 4242])
        let added = try daemon.call(
            "intel.add", ["value": "198.51.100.0/24", "source": "partner-feed", "confidence": 90, "tags": ["botnet"]])
        #expect(added["type"] == "cidr")
        try daemon.call("sim.step", ["ticks": 100])
        let attacker = try SecurityTests.attacker(daemon)
        let alerts = try #require(try daemon.call("alerts.list")["alerts"]?.arrayValue)
        #expect(alerts.contains { $0["detection"] == "threat-intel-match" && $0["source"]?.stringValue == attacker })
        let check = try daemon.call("intel.check", ["value": .string(attacker)])
        #expect(check["matched"] == true)
        #expect(check["indicator"]?["id"] == added["id"])
        try daemon.call("intel.delete", ["id": added["id"]!])
        #expect(try daemon.call("intel.check", ["value": .string(attacker)])["matched"] == false)
        #expect(try daemon.error("intel.delete", ["id": added["id"]!])["code"] == .int(RPCErrorCode.notFound))
    }

    @Test func feedsImportAllOrNothingAndPersist() throws {
        let directory = try RulesTestDirectory()
        do {
            let daemon = try RulesTestDaemon(directory: directory)
            let csv = "value,type,confidence\nevil.example,domain,90\n203.0.113.66,ip,70\n"
            #expect(try daemon.call("intel.import", ["format": "csv", "content": .string(csv)])["imported"] == 2)
            let stix = """
                {"type":"bundle","id":"bundle--1","objects":[{"type":"indicator","spec_version":"2.1","id":"indicator--1",\
                "pattern":"[ipv4-addr:value = '192.0.2.99']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"}]}
                """
            #expect(try daemon.call("intel.import", ["format": "stix", "content": .string(stix)])["imported"] == 1)
            let bad = try daemon.error("intel.import", ["format": "plain", "content": "good.example\nnot a value!\n"])
            #expect(bad["code"] == .int(RPCErrorCode.invalidParams))
            #expect(bad["data"]?["line"] == 2)
            #expect(
                try daemon.error("intel.import", ["format": "yaml", "content": ""])["code"]
                    == .int(RPCErrorCode.invalidParams))
            #expect(try daemon.error("intel.add", ["value": "???"])["code"] == .int(RPCErrorCode.invalidParams))
            #expect(
                try daemon.error("intel.add", ["value": "10.0.0.1", "confidence": 101])["code"]
                    == .int(RPCErrorCode.invalidParams))
            #expect(try daemon.call("intel.list")["total"] == 3, "the refused feed added nothing")
            daemon.close()
        }
        let reopened = try RulesTestDaemon(directory: directory)
        defer { reopened.close() }
        let listed = try #require(try reopened.call("intel.list")["indicators"]?.arrayValue)
        #expect(Set(listed.compactMap { $0["value"]?.stringValue }) == ["evil.example", "203.0.113.66", "192.0.2.99"])
        #expect(try reopened.call("intel.check", ["value": "mail.evil.example"])["matched"] == true)
        #expect(try reopened.call("intel.list", ["type": "domain"])["total"] == 1)
    }

    @Test func alertsAndIncidentsArePublishedOnTheirTopics() throws {
        let daemon = try RulesTestDaemon()
        defer { daemon.close() }
        let path = try daemon.serve()
        let watcher = try RulesTestClient(path: path)
        var early: [JSONValue] = []
        _ = try watcher.call("events.subscribe", ["topics": ["alerts", "incidents"]], id: 1, notifications: &early)
        try daemon.call("sim.pause")
        try daemon.call("scenario.load", ["name": "web-flood", "seed": 4242])
        try daemon.call("sim.step", ["ticks": 120])
        let attacker = try SecurityTests.attacker(daemon)
        var seen: [JSONValue] = early
        while let line = try watcher.nextLine(timeout: 2) { seen.append(line) }
        let data = seen.compactMap { $0["params"] }
        let raised = try #require(data.first { $0["topic"] == "alerts" && $0["data"]?["event"] == "raised" })
        #expect(raised["data"]?["alert"]?["source"]?.stringValue == attacker)
        #expect(data.contains { $0["topic"] == "alerts" && $0["data"]?["event"] == "updated" })
        let opened = try #require(data.first { $0["topic"] == "incidents" && $0["data"]?["event"] == "opened" })
        #expect(opened["data"]?["incident"]?["source"]?.stringValue == attacker)
        let id = try #require(raised["data"]?["alert"]?["id"])
        try daemon.call("alerts.ack", ["id": id])
        let acked = try #require(try watcher.nextLine(timeout: 5))
        #expect(acked["params"]?["data"]?["event"] == "acknowledged")
    }
}

@Suite("SIEM intel expiry")
struct SecurityIntelExpiryTests {
    @Test func expiredIndicatorsStopMatchingAndArePurged() throws {
        let daemon = try RulesTestDaemon()
        defer { daemon.close() }
        let lasting = try daemon.call("intel.add", ["value": "evil.example"])
        let brief = try daemon.call("intel.add", ["value": "203.0.113.7", "ttl": 60])
        #expect(brief["expiresAt"] != nil)
        #expect(try daemon.call("intel.check", ["value": "203.0.113.7"])["matched"] == true)
        daemon.services.security.purgeExpiredIndicators(now: WallClock.nowMilliseconds + 61_000)
        // The purge is a writer job; a write queued after it returns once it has run.
        try daemon.call("incidents.create", ["title": "barrier"])
        let listed = try #require(try daemon.call("intel.list")["indicators"]?.arrayValue)
        #expect(listed.map { $0["id"] } == [lasting["id"]])
        #expect(try daemon.error("intel.add", ["value": "203.0.113.8", "ttl": "soon"])["data"]?["field"] == "ttl")
    }
}
