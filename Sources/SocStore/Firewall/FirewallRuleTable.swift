import SocSim

/// Reads and writes the `firewall_rules` table. Every function runs on a connection the caller
/// holds (the writer's, inside its transaction, or a reader's).
///
/// Order: each rule has a `sort_key`; appended rules get the last key plus `spacing`, inserted
/// ones the midpoint of their neighbours' keys. When two neighbours have no room left between
/// them, every key is rewritten with fresh spacing: a rare O(n) step, never on appends.
package enum FirewallRuleTable {
    /// The gap between consecutive keys after an append or a renumbering: room for twenty
    /// halvings before a spot is full.
    static let spacing: Int64 = 1 << 20

    /// Every stored rule in evaluation order, with positions 1...n.
    ///
    /// This is socd's start-up with a large table, so it is written for a million rows. The rows
    /// are read in rowid order, a sequential pass over the table (reading them through the
    /// `sort_key` index costs a table lookup per row, three times as long), and put in order
    /// afterwards: ids grow with every insert and appends take the next key, so the rows usually
    /// come out ordered already and the check is all the sorting there is. The array is sized
    /// from a count of the rows (one pass over the smallest index) instead of growing and
    /// copying its way to a million, and rows are decoded by `FirewallRuleRowReader`.
    package static func loadAll(in db: Database) throws -> [FirewallRule] {
        let count: Int = try db.scalar("SELECT count(*) FROM firewall_rules") ?? 0
        var rules: [FirewallRule] = []
        var keys: [Int64] = []
        rules.reserveCapacity(count)
        keys.reserveCapacity(count)
        try db.withStatement("SELECT \(FirewallRuleRowReader.columns), sort_key FROM firewall_rules ORDER BY id") {
            statement in
            let reader = FirewallRuleRowReader(statement)
            while try statement.step() {
                rules.append(try reader.rule(position: rules.count + 1))
                keys.append(try reader.sortKey(column: FirewallRuleRowReader.columnCount))
            }
        }
        // In id order already, so equal keys are in (key, id) order too.
        if zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) { return rules }
        let order = keys.indices.sorted { (keys[$0], rules[$0].id) < (keys[$1], rules[$1].id) }
        return order.enumerated().map { position, index in
            var rule = rules[index]
            rule.position = position + 1
            return rule
        }
    }

    /// Stores a new rule between the rules `after` and `before` (ids; nil at the ends) and
    /// returns its id. The rule's own `id` and `position` are ignored.
    package static func insert(_ rule: FirewallRule, after: Int64?, before: Int64?, in db: Database) throws -> Int64 {
        let key = try sortKey(between: after, and: before, in: db)
        var arguments = matchArguments(rule)
        let rest: [any DatabaseValueConvertible] = [
            key, rule.comment, rule.expiresAt, rule.createdAt, Int64(clamping: rule.hits),
        ]
        arguments.append(contentsOf: rest)
        try db.execute(insertSQL, arguments: StatementArguments(arguments))
        return db.lastInsertRowID
    }

    /// Rewrites a rule's match, action, comment and expiry; its order and hits stay.
    package static func update(_ rule: FirewallRule, in db: Database) throws {
        var arguments = matchArguments(rule)
        let rest: [any DatabaseValueConvertible] = [rule.comment, rule.expiresAt, rule.id]
        arguments.append(contentsOf: rest)
        try db.execute(
            """
            UPDATE firewall_rules SET src_network = ?, src_prefix = ?, dst_network = ?, dst_prefix = ?,
                sport_low = ?, sport_high = ?, dport_low = ?, dport_high = ?, proto = ?, action = ?,
                comment = ?, expires_at_ms = ?
            WHERE id = ?
            """, arguments: StatementArguments(arguments))
        guard db.changes == 1 else { throw DatabaseError.misuse("firewall rule \(rule.id) is not stored") }
    }

    /// Moves a rule between `after` and `before` (ids; nil at the ends).
    package static func move(id: Int64, after: Int64?, before: Int64?, in db: Database) throws {
        let key = try sortKey(between: after, and: before, in: db)
        try db.execute("UPDATE firewall_rules SET sort_key = ? WHERE id = ?", key, id)
    }

    package static func delete(ids: [Int64], in db: Database) throws {
        for id in ids { try db.execute("DELETE FROM firewall_rules WHERE id = ?", id) }
    }

    package static func deleteAll(in db: Database) throws {
        try db.execute("DELETE FROM firewall_rules")
    }

    /// Removes rules that expired by `now` and returns their ids (for rules that expired
    /// while socd was down, at start).
    package static func deleteExpired(now: Int64, in db: Database) throws -> [Int64] {
        let ids: [Int64] = try db.query(
            "SELECT id FROM firewall_rules WHERE expires_at_ms IS NOT NULL AND expires_at_ms <= ?", now
        ) { try $0[0] }
        try db.execute("DELETE FROM firewall_rules WHERE expires_at_ms IS NOT NULL AND expires_at_ms <= ?", now)
        return ids
    }

    /// Persists hit counters; rules deleted since the counters were read are skipped.
    package static func saveHits(_ counts: [RuleHitCount], in db: Database) throws {
        for count in counts {
            try db.execute("UPDATE firewall_rules SET hits = ? WHERE id = ?", Int64(clamping: count.hits), count.id)
        }
    }

    // MARK: - Order keys

    private static func key(of id: Int64, in db: Database) throws -> Int64 {
        guard let key: Int64 = try db.scalar("SELECT sort_key FROM firewall_rules WHERE id = ?", id) else {
            throw DatabaseError.misuse("firewall rule \(id) is not stored")
        }
        return key
    }

    /// A key strictly between the keys of `after` and `before`, renumbering first if needed.
    private static func sortKey(between after: Int64?, and before: Int64?, in db: Database) throws -> Int64 {
        for attempt in 0..<2 {
            let low: Int64
            if let after {
                low = try key(of: after, in: db)
            } else if before == nil {
                // Appending: after the current last key.
                let last: Int64? = try db.scalar("SELECT COALESCE(MAX(sort_key), 0) FROM firewall_rules")
                return (last ?? 0) + spacing
            } else {
                low = 0
            }
            let high = try before.map { try key(of: $0, in: db) } ?? low + 2 * spacing
            if high - low >= 2 { return low + (high - low) / 2 }
            precondition(attempt == 0, "renumbering left no room between two firewall rules")
            try renumber(in: db)
        }
        fatalError("unreachable")
    }

    /// Respaces every key, keeping the order.
    private static func renumber(in db: Database) throws {
        try db.execute(
            """
            UPDATE firewall_rules SET sort_key = ranked.rank * ?
            FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY sort_key, id) AS rank FROM firewall_rules) AS ranked
            WHERE firewall_rules.id = ranked.id
            """, spacing)
    }

    // MARK: - Rows

    private static func matchArguments(_ rule: FirewallRule) -> [any DatabaseValueConvertible] {
        let (sourceNetwork, sourcePrefix) = columns(rule.source)
        let (destinationNetwork, destinationPrefix) = columns(rule.destination)
        let (sourceLow, sourceHigh) = columns(rule.sourcePort)
        let (destinationLow, destinationHigh) = columns(rule.destinationPort)
        return [
            sourceNetwork, sourcePrefix, destinationNetwork, destinationPrefix, sourceLow, sourceHigh, destinationLow,
            destinationHigh, rule.proto.rawValue, rule.action.rawValue,
        ]
    }

    static func columns(_ match: AddressMatch) -> (Int64?, Int64?) {
        switch match {
        case .any: (nil, nil)
        case .network(let cidr): (Int64(cidr.network.value), Int64(cidr.prefixLength))
        }
    }

    static func columns(_ match: PortMatch) -> (Int64?, Int64?) {
        switch match {
        case .any: (nil, nil)
        case .range(let low, let high): (Int64(low), Int64(high))
        }
    }
}
