import SocSim
import Testing

@testable import SocStore

/// `FirewallRuleTable.loadRuleset`, socd's start-up read: the rule set it streams from the table
/// is the one `loadAll` and a bulk build give, whatever order the rows are stored in.
@Suite("firewall rule set load")
struct FirewallRulesetLoadTests {
    private static let createdAt: Int64 = 1_700_000_000_000

    private static func rule(_ number: Int, expiresAt: Int64? = nil) -> FirewallRule {
        FirewallRule(
            id: 0, position: 0, source: .host(IPv4Address(0x0A00_0000 | UInt32(number))),
            destinationPort: number % 3 == 0 ? .port(UInt16(number % 1000 + 1)) : .any, action: .drop,
            comment: number % 5 == 0 ? "rule number \(number), with a comment longer than fifteen bytes" : "",
            expiresAt: expiresAt, createdAt: Self.createdAt)
    }

    private static func migrated() throws -> (TemporaryDirectory, Database) {
        let directory = try TemporaryDirectory("ruleset-load")
        let db = try Fixtures.openDatabase(directory.file("socd.db"))
        try Migrator(SocdSchema.migrations).migrate(db)
        return (directory, db)
    }

    /// More rows than one read-ahead chunk holds, so the hand-over between threads is exercised.
    private static let count = FirewallRuleReadAhead.chunkSize * 2 + 17

    @Test func streamsRulesInStoredOrder() throws {
        let (directory, db) = try Self.migrated()
        defer { db.close() }
        _ = directory
        for number in 0..<Self.count {
            _ = try FirewallRuleTable.insert(Self.rule(number), after: nil, before: nil, in: db)
        }

        let loaded = try FirewallRuleTable.loadRuleset(in: db, defaultPolicy: .reject, excludingExpiredAt: nil)
        #expect(loaded.defaultPolicy == .reject)
        #expect(loaded.rules() == (try FirewallRuleTable.loadAll(in: db)))
        #expect(loaded.count == Self.count)
    }

    /// Rules moved or inserted in the middle leave rowid order different from evaluation order:
    /// the result must still follow `sort_key`.
    @Test func followsSortKeyWhenRowsAreOutOfOrder() throws {
        let (directory, db) = try Self.migrated()
        defer { db.close() }
        _ = directory
        var ids: [Int64] = []
        for number in 0..<Self.count {
            ids.append(try FirewallRuleTable.insert(Self.rule(number), after: nil, before: nil, in: db))
        }
        try FirewallRuleTable.move(id: ids[Self.count - 1], after: nil, before: ids[0], in: db)
        _ = try FirewallRuleTable.insert(Self.rule(Self.count), after: ids[10], before: ids[11], in: db)

        let loaded = try FirewallRuleTable.loadRuleset(in: db, defaultPolicy: .accept, excludingExpiredAt: nil)
        let expected = try FirewallRuleTable.loadAll(in: db)
        #expect(expected.first?.id == ids[Self.count - 1])
        #expect(loaded.rules() == expected)
    }

    @Test func leavesOutRulesExpiredByNow() throws {
        let (directory, db) = try Self.migrated()
        defer { db.close() }
        _ = directory
        let now: Int64 = 1_800_000_000_000
        for number in 0..<100 {
            let expiry: Int64? = number % 4 == 0 ? now - 1 : (number % 4 == 1 ? now + 60_000 : nil)
            _ = try FirewallRuleTable.insert(Self.rule(number, expiresAt: expiry), after: nil, before: nil, in: db)
        }
        let loaded = try FirewallRuleTable.loadRuleset(in: db, defaultPolicy: .accept, excludingExpiredAt: now)
        let kept = try FirewallRuleTable.loadAll(in: db).filter { !$0.isExpired(now: now) }.enumerated().map {
            var rule = $1
            rule.position = $0 + 1
            return rule
        }
        #expect(kept.count == 75)
        #expect(loaded.rules() == kept)
    }

    /// A row the reader refuses fails the whole load with the reader's error, from whichever
    /// thread found it.
    @Test func aDamagedRowFailsTheLoad() throws {
        let (directory, db) = try Self.migrated()
        defer { db.close() }
        _ = directory
        for number in 0..<Self.count {
            _ = try FirewallRuleTable.insert(Self.rule(number), after: nil, before: nil, in: db)
        }
        try db.execute("UPDATE firewall_rules SET src_prefix = NULL WHERE id = ?", Int64(Self.count - 3))
        let error = try #require(throws: DatabaseError.self) {
            try FirewallRuleTable.loadRuleset(in: db, defaultPolicy: .accept, excludingExpiredAt: nil)
        }
        #expect(error.description.contains("firewall rule \(Self.count - 3)"))
    }
}
