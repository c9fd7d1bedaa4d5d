import SocSim
import Testing

@testable import SocStore

/// The `firewall_rules` table on a real, migrated database in a temp dir of its own.
@Suite("firewall rule table")
struct FirewallRuleTableTests {
    /// A migrated database, closed when the test ends.
    final class MigratedDatabase {
        let directory: TemporaryDirectory
        let db: Database

        init() throws {
            directory = try TemporaryDirectory("rules-table")
            db = try Fixtures.openDatabase(directory.file("socd.db"))
            try Migrator(SocdSchema.migrations).migrate(db)
        }

        deinit { db.close() }

        /// Inserts a rule matching `source` only, between the given neighbours.
        @discardableResult
        func insert(_ source: String, after: Int64? = nil, before: Int64? = nil) throws -> Int64 {
            try FirewallRuleTable.insert(Self.rule(source), after: after, before: before, in: db)
        }

        /// The stored order, as the sources of the rules.
        func sources() throws -> [String] {
            try FirewallRuleTable.loadAll(in: db).map(\.source.description)
        }

        static func rule(_ source: String, action: RuleAction = .drop) -> FirewallRule {
            FirewallRule(
                id: 0, position: 0, source: .host(IPv4Address(source)!), action: action, createdAt: 1_700_000_000_000)
        }
    }

    @Test func insertsAtBothEndsAndBetween() throws {
        let store = try MigratedDatabase()
        let b = try store.insert("10.0.0.2")
        let d = try store.insert("10.0.0.4")
        try store.insert("10.0.0.1", before: b)
        try store.insert("10.0.0.3", after: b, before: d)
        try store.insert("10.0.0.5", after: d)
        #expect(try store.sources() == ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"])
        #expect(try FirewallRuleTable.loadAll(in: store.db).map(\.position) == [1, 2, 3, 4, 5])
    }

    /// Inserting again and again at one spot halves the same gap until it is full; the table
    /// must then renumber and keep every rule where it was.
    @Test func keepsOrderWhenOneGapIsFilledUntilItRenumbers() throws {
        let store = try MigratedDatabase()
        let first = try store.insert("10.0.0.1")
        try store.insert("10.0.0.254")
        // Always directly after `first`: each new rule goes between `first` and the previous new
        // one, halving the same gap; 80 halvings exhaust the 2^20 spacing several times over.
        var expected = ["10.0.0.1"]
        var inserted: [String] = []
        for n in 2...80 {
            let source = "10.0.1.\(n)"
            try store.insert(source, after: first, before: try nextAfter(first, in: store))
            inserted.insert(source, at: 0)
        }
        expected += inserted + ["10.0.0.254"]
        #expect(try store.sources() == expected)
        // And in front, the other way: each new rule becomes the first.
        var front: [String] = []
        for n in 1...60 {
            let current = try FirewallRuleTable.loadAll(in: store.db)[0].id
            let source = "10.0.2.\(n)"
            try store.insert(source, before: current)
            front.insert(source, at: 0)
        }
        #expect(try store.sources() == front + expected)
        let keys: [Int64] = try store.db.query("SELECT sort_key FROM firewall_rules ORDER BY sort_key") { try $0[0] }
        #expect(Set(keys).count == keys.count, "sort keys must stay distinct")
    }

    /// The id of the rule right after `id` in stored order.
    private func nextAfter(_ id: Int64, in store: MigratedDatabase) throws -> Int64? {
        let rules = try FirewallRuleTable.loadAll(in: store.db)
        guard let index = rules.firstIndex(where: { $0.id == id }), index + 1 < rules.count else { return nil }
        return rules[index + 1].id
    }

    @Test func movesARuleBetweenOthersAndToTheEnds() throws {
        let store = try MigratedDatabase()
        let ids = try (1...4).map { try store.insert("10.0.0.\($0)") }
        try FirewallRuleTable.move(id: ids[3], after: nil, before: ids[0], in: store.db)
        #expect(try store.sources() == ["10.0.0.4", "10.0.0.1", "10.0.0.2", "10.0.0.3"])
        try FirewallRuleTable.move(id: ids[3], after: ids[3 - 1], before: nil, in: store.db)
        #expect(try store.sources() == ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"])
        try FirewallRuleTable.move(id: ids[0], after: ids[1], before: ids[2], in: store.db)
        #expect(try store.sources() == ["10.0.0.2", "10.0.0.1", "10.0.0.3", "10.0.0.4"])
        #expect(throws: DatabaseError.self) {
            try FirewallRuleTable.move(id: ids[0], after: 9999, before: nil, in: store.db)
        }
    }

    @Test func updateRewritesFieldsButKeepsOrderAndHits() throws {
        let store = try MigratedDatabase()
        let first = try store.insert("10.0.0.1")
        try store.insert("10.0.0.2")
        try FirewallRuleTable.saveHits([RuleHitCount(id: first, hits: 7)], in: store.db)
        var rule = try #require(try FirewallRuleTable.loadAll(in: store.db).first)
        rule.source = .network(IPv4CIDR("192.168.0.0/16")!)
        rule.destinationPort = .range(8000, 8080)
        rule.proto = .tcp
        rule.action = .reject
        rule.comment = "widened"
        rule.expiresAt = 1_800_000_000_000
        rule.hits = 0
        try FirewallRuleTable.update(rule, in: store.db)
        let loaded = try FirewallRuleTable.loadAll(in: store.db)
        rule.hits = 7
        #expect(loaded[0] == rule)
        #expect(loaded[1].source.description == "10.0.0.2")

        var missing = rule
        missing.id = 4242
        let error = try #require(throws: DatabaseError.self) { try FirewallRuleTable.update(missing, in: store.db) }
        #expect(error.message.contains("4242"))
    }

    @Test func deletesByIdAllAndExpired() throws {
        let store = try MigratedDatabase()
        var soon = MigratedDatabase.rule("10.0.0.1")
        soon.expiresAt = 1_000
        var later = MigratedDatabase.rule("10.0.0.2")
        later.expiresAt = 5_000
        let soonID = try FirewallRuleTable.insert(soon, after: nil, before: nil, in: store.db)
        let laterID = try FirewallRuleTable.insert(later, after: nil, before: nil, in: store.db)
        let permanent = try store.insert("10.0.0.3")
        let doomed = try store.insert("10.0.0.4")

        try FirewallRuleTable.delete(ids: [doomed], in: store.db)
        #expect(try store.sources() == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
        #expect(try FirewallRuleTable.deleteExpired(now: 999, in: store.db).isEmpty)
        #expect(try FirewallRuleTable.deleteExpired(now: 1_000, in: store.db) == [soonID])
        #expect(try FirewallRuleTable.deleteExpired(now: 10_000, in: store.db) == [laterID])
        #expect(try FirewallRuleTable.loadAll(in: store.db).map(\.id) == [permanent])
        try FirewallRuleTable.deleteAll(in: store.db)
        #expect(try FirewallRuleTable.loadAll(in: store.db).isEmpty)
        // Ids are never reused, even after the table was emptied.
        #expect(try store.insert("10.0.0.9") > doomed)
    }

    @Test func savesHitsAndSkipsDeletedRules() throws {
        let store = try MigratedDatabase()
        let a = try store.insert("10.0.0.1")
        let b = try store.insert("10.0.0.2")
        try FirewallRuleTable.delete(ids: [b], in: store.db)
        try FirewallRuleTable.saveHits(
            [RuleHitCount(id: a, hits: 12), RuleHitCount(id: b, hits: 3), RuleHitCount(id: 999, hits: 1)], in: store.db)
        #expect(try FirewallRuleTable.loadAll(in: store.db).map(\.hits) == [12])
    }

    @Test func roundTripsEveryKindOfField() throws {
        let store = try MigratedDatabase()
        let rules: [FirewallRule] = [
            FirewallRule(id: 0, position: 0, action: .accept, createdAt: 1),
            FirewallRule(
                id: 0, position: 0, source: .host(IPv4Address("198.51.100.7")!),
                destination: .host(IPv4Address("10.0.0.10")!), destinationPort: .range(80, 80), proto: .tcp,
                action: .drop, comment: "room rule", createdAt: 1_700_000_000_123),
            FirewallRule(
                id: 0, position: 0, source: .network(IPv4CIDR("0.0.0.0/1")!),
                destination: .network(IPv4CIDR("255.255.255.255/32")!), sourcePort: .range(0, 65535),
                destinationPort: .range(1000, 2000), proto: .udp, action: .reject,
                comment: "Ünïcödé ✓ 防火墙 🔥", expiresAt: 1_900_000_000_000, createdAt: 42, hits: 9),
            FirewallRule(
                id: 0, position: 0, source: .network(IPv4CIDR("10.0.0.0/8")!),
                destination: .network(IPv4CIDR("192.168.1.0/24")!), sourcePort: .range(65535, 65535),
                action: .drop, expiresAt: 0, createdAt: 0),
            FirewallRule(
                id: 0, position: 0, source: .host(IPv4Address("0.0.0.0")!), proto: .icmp, action: .accept,
                comment: "", createdAt: Int64.max),
        ]
        var expected: [FirewallRule] = []
        for (index, rule) in rules.enumerated() {
            var stored = rule
            stored.id = try FirewallRuleTable.insert(rule, after: nil, before: nil, in: store.db)
            stored.position = index + 1
            expected.append(stored)
        }
        #expect(try FirewallRuleTable.loadAll(in: store.db) == expected)
    }

    /// The bulk path stores rows exactly as `insert` does, after the rules already there, in
    /// order, with keys that later inserts between them can still split.
    @Test func appenderStoresRulesAfterTheLastOneAsInsertWould() throws {
        let store = try MigratedDatabase()
        let first = try store.insert("10.0.0.1")
        let moved = try store.insert("10.0.0.2")
        try FirewallRuleTable.move(id: moved, after: nil, before: first, in: store.db)
        var appended = MigratedDatabase.rule("10.0.0.3")
        appended.destination = .network(IPv4CIDR("192.168.0.0/16")!)
        appended.sourcePort = .range(1000, 2000)
        appended.destinationPort = .range(80, 80)
        appended.proto = .tcp
        appended.comment = "bulk ✓"
        appended.expiresAt = 1_900_000_000_000
        appended.hits = 3
        let plain = MigratedDatabase.rule("10.0.0.4", action: .reject)
        let ids = try FirewallRuleTable.appending(in: store.db) { appender in
            [try appender.append(appended), try appender.append(plain)]
        }
        #expect(ids[0] > moved && ids[1] > ids[0])
        try store.insert("10.0.0.5", after: ids[0], before: ids[1])
        let loaded = try FirewallRuleTable.loadAll(in: store.db)
        #expect(loaded.map(\.source.description) == ["10.0.0.2", "10.0.0.1", "10.0.0.3", "10.0.0.5", "10.0.0.4"])
        appended.id = ids[0]
        appended.position = 3
        #expect(loaded[2] == appended)
        #expect(loaded[4].action == .reject && loaded[4].id == ids[1])
    }

    /// Rows no socd would write, as a damaged or hand-edited file may hold them: loading must
    /// fail naming what is wrong rather than guess (a half-stored address must never become ANY).
    @Test(arguments: [
        ("src_network = 4294967296", "address"),
        ("src_network = -1", "address"),
        ("src_prefix = NULL", "address"),
        ("dst_network = NULL, dst_prefix = 24", "address"),
        ("sport_high = NULL", "port"),
        ("dport_low = NULL, dport_high = 80", "port"),
    ])
    func rejectsInvalidRowsWithAClearError(corruption: String, kind: String) throws {
        let store = try MigratedDatabase()
        var rule = MigratedDatabase.rule("10.0.0.1")
        rule.destination = .host(IPv4Address("10.0.0.2")!)
        rule.sourcePort = .range(1, 2)
        rule.destinationPort = .range(3, 4)
        let id = try FirewallRuleTable.insert(rule, after: nil, before: nil, in: store.db)
        try store.db.execute("UPDATE firewall_rules SET \(corruption) WHERE id = ?", id)
        let error = try #require(throws: DatabaseError.self) { try FirewallRuleTable.loadAll(in: store.db) }
        #expect(error.message.contains("firewall rule \(id)"), "\(error)")
        #expect(error.message.contains(kind), "\(error)")
    }

    @Test func rejectsUnknownProtocolOrActionText() throws {
        let store = try MigratedDatabase()
        let id = try store.insert("10.0.0.1")
        // The CHECK constraints keep socd from writing these; a file edited without them may hold them.
        try store.db.execute("PRAGMA ignore_check_constraints = ON")
        try store.db.execute("UPDATE firewall_rules SET action = 'PASS' WHERE id = ?", id)
        let error = try #require(throws: DatabaseError.self) { try FirewallRuleTable.loadAll(in: store.db) }
        #expect(error.message.contains("PASS"), "\(error)")
    }

    @Test func theSchemaRefusesOutOfRangeValues() throws {
        let store = try MigratedDatabase()
        let id = try store.insert("10.0.0.1")
        for corruption in [
            "src_prefix = 33", "dport_low = 70000, dport_high = 70000", "sport_low = 9, sport_high = 8",
            "proto = 'sctp'", "action = 'PASS'",
        ] {
            #expect(throws: DatabaseError.self, "\(corruption)") {
                try store.db.execute("UPDATE firewall_rules SET \(corruption) WHERE id = ?", id)
            }
        }
    }
}
