import SocSim

/// Appends rules after the last stored one: the bulk path of `rules.addMany` and `rules.import`,
/// which store up to hundreds of thousands of rules in one request.
///
/// `FirewallRuleTable.insert` looks up a neighbour's key and goes through the statement cache
/// and a boxed argument list for every row; an appender reads the last key once, keeps one
/// prepared statement and binds each rule's columns straight into it. Rows are stored exactly
/// as `insert(_:after:before:in:)` stores them, keys spaced by `FirewallRuleTable.spacing`.
///
/// Get one from `FirewallRuleTable.appending(in:_:)`, which scopes the statement. Other
/// statements may run between appends (updating a rule that a re-added one extends), but
/// nothing else may insert, move or renumber rules meanwhile: the appender's idea of the last
/// key would go stale.
package struct FirewallRuleAppender {
    private let statement: Statement
    private let db: Database
    private var lastKey: Int64

    init(statement: Statement, db: Database, lastKey: Int64) {
        self.statement = statement
        self.db = db
        self.lastKey = lastKey
    }

    /// Stores `rule` after every rule stored so far and returns its id. The rule's own `id` and
    /// `position` are ignored.
    package mutating func append(_ rule: FirewallRule) throws -> Int64 {
        let key = lastKey + FirewallRuleTable.spacing
        var column = 0
        func bind(_ value: some DatabaseValueConvertible) throws {
            column += 1
            try statement.bind(value, at: column)
        }
        for (first, second) in [
            FirewallRuleTable.columns(rule.source), FirewallRuleTable.columns(rule.destination),
            FirewallRuleTable.columns(rule.sourcePort), FirewallRuleTable.columns(rule.destinationPort),
        ] {
            try bind(first)
            try bind(second)
        }
        try bind(rule.proto.rawValue)
        try bind(rule.action.rawValue)
        try bind(key)
        try bind(rule.comment)
        try bind(rule.expiresAt)
        try bind(rule.createdAt)
        try bind(Int64(clamping: rule.hits))
        defer { statement.reset() }
        _ = try statement.step()
        lastKey = key
        return db.lastInsertRowID
    }
}

extension FirewallRuleTable {
    static let insertSQL = """
        INSERT INTO firewall_rules (src_network, src_prefix, dst_network, dst_prefix, sport_low, sport_high,
            dport_low, dport_high, proto, action, sort_key, comment, expires_at_ms, created_at_ms, hits)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Runs `body` with an appender that stores rules after the last one, in the order given.
    package static func appending<T>(in db: Database, _ body: (inout FirewallRuleAppender) throws -> T) throws -> T {
        let last: Int64 = try db.scalar("SELECT COALESCE(MAX(sort_key), 0) FROM firewall_rules") ?? 0
        return try db.withStatement(insertSQL) { statement in
            var appender = FirewallRuleAppender(statement: statement, db: db, lastKey: last)
            return try body(&appender)
        }
    }

}
