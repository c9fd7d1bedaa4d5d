import Foundation
import JSONRPC
import SocPOSIX
import SocSim
import Testing

@testable import SocDaemon

/// The firewall service against its store: what survives a reopen, expiry, and the rule set
/// staying in step with the database when changes share a group-commit transaction.
@Suite("firewall service")
struct FirewallServiceTests {
    static let attack = FiveTuple(
        source: IPv4Address("198.51.100.7")!, destination: IPv4Address("10.0.0.10")!, sourcePort: 40000,
        destinationPort: 80, proto: .tcp)

    @Test func rulesPositionsPolicyAndHitsSurviveAReopen() throws {
        let directory = try RulesTestDirectory()
        let state = directory.file("state")
        var before: [JSONValue] = []
        do {
            let daemon = try RulesTestDaemon(directory: directory, stateDirectory: state)
            try daemon.add(["src": "198.51.100.7", "dst": "10.0.0.10", "dport": 80, "action": "drop", "comment": "ünï"])
            try daemon.add(["src": "10.0.0.0/8", "dport": "1000-2000", "proto": "udp", "action": "reject", "ttl": "1h"])
            try daemon.add(["action": "accept", "position": 1])
            try daemon.call("rules.move", ["id": 1, "position": 3])
            try daemon.call("rules.setPolicy", ["policy": "drop"])
            for _ in 0..<3 { _ = daemon.services.firewall.decide(Self.attack, now: WallClock.nowMilliseconds) }
            daemon.services.firewall.saveHitCounters(wait: true)
            before = try daemon.rules()
            daemon.close()
        }
        let reopened = try RulesTestDaemon(directory: directory, stateDirectory: state)
        #expect(try reopened.rules() == before)
        #expect(try reopened.call("rules.list")["policy"] == "DROP")
        #expect(
            before.map { $0["hits"]?.intValue ?? -1 } == [0, 0, 3]
                || before.map { $0["hits"]?.intValue ?? -1 } == [3, 0, 0])
    }

    @Test func rulesThatExpiredWhileDownAreNotLoadedAndArePurged() throws {
        let directory = try RulesTestDirectory()
        let state = directory.file("state")
        do {
            let daemon = try RulesTestDaemon(directory: directory, stateDirectory: state)
            try daemon.add(["src": "198.51.100.7", "action": "drop", "ttl": "1h"])
            try daemon.add(["src": "198.51.100.8", "action": "drop"])
            // As if an hour had passed while socd was down.
            try daemon.services.store.write { db in
                try db.execute(
                    "UPDATE firewall_rules SET expires_at_ms = ? WHERE id = 1", WallClock.nowMilliseconds - 1)
            }
            daemon.close()
        }
        let reopened = try RulesTestDaemon(directory: directory, stateDirectory: state)
        #expect(try reopened.rules().map { $0["id"]?.intValue ?? 0 } == [2])
        #expect(try reopened.call("rules.check", ["src": "198.51.100.7", "dst": "10.0.0.1"])["verdict"] == "ACCEPT")
        reopened.services.firewall.purgeExpired(now: WallClock.nowMilliseconds, includingStored: true)
        try reopened.services.store.write { _ in }  // the purge was queued before this
        let stored: Int? = try reopened.services.store.read { db in try db.scalar("SELECT COUNT(*) FROM firewall_rules")
        }
        #expect(stored == 1)
    }

    @Test func purgeDeletesOnlyExpiredRulesDurably() throws {
        let daemon = try RulesTestDaemon()
        let timed = try daemon.add(["src": "198.51.100.7", "action": "drop", "ttl": 60])
        try daemon.add(["src": "198.51.100.8", "action": "drop", "ttl": 3600])
        try daemon.add(["src": "198.51.100.9", "action": "drop"])
        daemon.services.firewall.purgeExpired(now: WallClock.nowMilliseconds + 120_000)
        try daemon.services.store.write { _ in }
        #expect(try daemon.rules().map { $0["src"]?.stringValue ?? "" } == ["198.51.100.8", "198.51.100.9"])
        daemon.services.firewall.reload()
        #expect(try daemon.rules().count == 2)
        #expect(try daemon.error("rules.get", ["id": timed["id"]!])["code"] == -32001)
    }

    /// A rule re-added (and so extended) just as it expires must survive the purge that had
    /// already picked it: the purge decides on the writer thread, after the extension.
    @Test func aRuleExtendedWhileThePurgeIsQueuedSurvives() throws {
        let daemon = try RulesTestDaemon()
        let rule = try daemon.add(["src": "198.51.100.7", "action": "drop", "ttl": 60])
        let gate = daemon.blockWriter()
        let extend = try daemon.start("rules.add", ["src": "198.51.100.7", "action": "drop", "ttl": "1h"])
        daemon.services.firewall.purgeExpired(now: WallClock.nowMilliseconds + 120_000)
        gate.signal()
        #expect(try extend.reply()["result"]?["outcome"] == "extended")
        try daemon.services.store.write { _ in }
        #expect(try daemon.rules().map { $0["id"] } == [rule["id"]])
        daemon.services.firewall.reload()
        #expect(try daemon.rules().map { $0["id"] } == [rule["id"]], "the extended rule must still be stored")
    }

    /// When the database fails part-way through a change, the rule set must not keep the part
    /// that was rolled back: a later change in the same transaction would build on rules that
    /// do not exist.
    @Test func aChangeThatFailsPartWayLeavesNoPhantomRulesForTheNextOne() throws {
        let daemon = try RulesTestDaemon()
        // 10.0.0.66 as a number: SQLite refuses to store a rule from it, as a full disk might.
        let poisoned = Int64(IPv4Address("10.0.0.66")!.value)
        try daemon.services.store.write { db in
            try db.execute(
                """
                CREATE TRIGGER refuse_poisoned BEFORE INSERT ON firewall_rules
                WHEN NEW.src_network = \(poisoned) BEGIN SELECT RAISE(ABORT, 'refused by test'); END
                """)
        }
        let gate = daemon.blockWriter()
        let many = try daemon.start(
            "rules.addMany",
            ["rules": [["src": "10.0.0.1", "action": "drop"], ["src": "10.0.0.66", "action": "drop"]]])
        let single = try daemon.start("rules.add", ["src": "10.0.0.1", "action": "drop"])
        let other = try daemon.start("rules.add", ["src": "10.0.0.2", "action": "drop", "position": 2])
        gate.signal()
        #expect(try many.reply()["error"]?["code"] == -32603)
        let added = try single.reply()
        #expect(added["result"]?["outcome"] == "created", "\(added.serializedString)")
        let placed = try other.reply()
        #expect(placed["result"]?["rule"]?["position"] == 2, "\(placed.serializedString)")
        #expect(try daemon.rules().map { $0["src"]?.stringValue ?? "" } == ["10.0.0.1", "10.0.0.2"])
        daemon.services.firewall.reload()
        #expect(try daemon.rules().map { $0["src"]?.stringValue ?? "" } == ["10.0.0.1", "10.0.0.2"])
    }

    @Test func hitCountersAreCountedAndSaved() throws {
        let daemon = try RulesTestDaemon()
        let rule = try daemon.add(["src": "198.51.100.7", "action": "drop"])
        for _ in 0..<5 {
            #expect(daemon.services.firewall.decide(Self.attack, now: WallClock.nowMilliseconds).action == .drop)
        }
        #expect(try daemon.call("rules.get", ["id": rule["id"]!])["hits"] == 5)
        daemon.services.firewall.saveHitCounters(wait: true)
        daemon.services.firewall.reload()
        #expect(try daemon.call("rules.get", ["id": rule["id"]!])["hits"] == 5)
    }
}
