import SocSim

extension FirewallRuleTable {
    /// The stored rules compiled into a rule set, leaving out those expired by `now` (nil keeps
    /// them all): socd's start-up, written for a million rows.
    ///
    /// Rows go straight from the statement into `FirewallRuleset.BulkBuilder`, one at a time, so
    /// no array of a million `FirewallRule` values (about 100 MB, most of it freshly faulted-in
    /// pages) is built only to be thrown away. They are read in rowid order, a sequential pass
    /// over the table (see `loadAll`); ids grow with every insert and appends take the next
    /// `sort_key`, so that is usually evaluation order already. The first row whose key is
    /// smaller than its predecessor's proves otherwise (a rule was moved or inserted in the
    /// middle): the partial build is dropped and the rules are read again through `loadAll`,
    /// which puts them in order.
    ///
    /// Throws `DatabaseError` for a row that cannot be decoded and `FirewallRulesetError` for
    /// rules the rule set refuses (a duplicate id, ports on ICMP).
    package static func loadRuleset(
        in db: Database, defaultPolicy: RuleAction, excludingExpiredAt now: Int64?
    ) throws -> FirewallRuleset {
        let count: Int = try db.scalar("SELECT count(*) FROM firewall_rules") ?? 0
        var builder = FirewallRuleset.BulkBuilder(defaultPolicy: defaultPolicy, expectedCount: count)
        let readAhead = try FirewallRuleReadAhead(database: db, excludingExpiredAt: now)
        do {
            while let chunk = readAhead.next() {
                for rule in chunk { try builder.append(rule) }
            }
        } catch {
            _ = readAhead.finish()
            throw error
        }
        let inKeyOrder: Bool
        switch readAhead.finish() {
        case .complete: inKeyOrder = true
        case .outOfOrder: inKeyOrder = false
        case .failed(let error): throw error
        }
        if inKeyOrder { return builder.finish() }

        // Release the partial build's tables before the ordered array and the new tables exist.
        builder = FirewallRuleset.BulkBuilder(defaultPolicy: defaultPolicy, expectedCount: 0)
        let rules = try loadAll(in: db)
        builder = FirewallRuleset.BulkBuilder(defaultPolicy: defaultPolicy, expectedCount: rules.count)
        for rule in rules where !(now.map(rule.isExpired(now:)) ?? false) { try builder.append(rule) }
        return builder.finish()
    }
}
