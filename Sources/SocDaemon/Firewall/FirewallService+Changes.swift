import JSONRPC
import SocPOSIX
import SocSim
import SocStore

/// Changes to the rule set. Each runs on the store's writer thread inside a transaction (from a
/// `StateChange.persist`), writes the database first and updates the in-memory rule set last, so
/// that a database error leaves memory untouched; only a failed commit needs `reload()`.
extension FirewallService {
    /// A rule after `add`: newly created, or an identical rule whose lifetime was extended.
    package struct AddedRule: Sendable {
        package var rule: FirewallRule
        package var created: Bool
    }

    /// Adds a rule at `position` (appended when nil). An existing rule with the same match and
    /// action is extended instead: its expiry moves to the later of the two (a permanent rule
    /// stays permanent), it keeps its place, and a non-empty comment replaces its comment.
    package func add(_ draft: RuleDraft, at position: Int?, in db: Database) throws -> AddedRule {
        try withRules(in: db) { rules in try Self.add(draft, at: position, to: &rules, in: db) }
    }

    /// Adds rules in order, appending; identical ones extend as `add` does. With `replacing`,
    /// the new rules (and policy) replace the whole table.
    ///
    /// The drafts are validated already, so only the database can fail here; such a failure
    /// fails the change, whose `revert` then reloads the rules.
    package func add(
        _ drafts: [RuleDraft], replacing: Bool, policy: RuleAction?, in db: Database
    ) throws
        -> [AddedRule]
    {
        try withRules(in: db) { rules in
            if replacing {
                try FirewallRuleTable.deleteAll(in: db)
                rules.removeAll()
            }
            if let policy {
                try SettingsTable.setValue(policy.rawValue, for: Self.policySettingKey, in: db)
                rules.defaultPolicy = policy
            }
            var added: [AddedRule] = []
            added.reserveCapacity(drafts.count)
            // One appender for the whole batch: it reads the last order key once and keeps one
            // prepared insert, where `add(_:at:to:in:)` would look up a neighbour per rule.
            try FirewallRuleTable.appending(in: db) { appender in
                for draft in drafts {
                    if let extended = try Self.extendExisting(draft, in: &rules, db: db) {
                        added.append(extended)
                        continue
                    }
                    var rule = FirewallRule(id: 0, position: rules.count + 1, draft: draft)
                    rule.id = try appender.append(rule)
                    added.append(AddedRule(rule: try rules.insert(rule), created: true))
                }
            }
            return added
        }
    }

    private static func add(
        _ draft: RuleDraft, at position: Int?, to rules: inout FirewallRuleset, in db: Database
    ) throws -> AddedRule {
        if let extended = try extendExisting(draft, in: &rules, db: db) { return extended }
        let count = rules.count
        let target = position ?? count + 1
        guard (1...count + 1).contains(target) else {
            throw RPCError.invalidParams(field: "position", "\(target) is outside 1-\(count + 1)")
        }
        let after = target > 1 ? rules.rule(atPosition: target - 1)?.id : nil
        let before = target <= count ? rules.rule(atPosition: target)?.id : nil
        var rule = FirewallRule(id: 0, position: target, draft: draft)
        rule.id = try FirewallRuleTable.insert(rule, after: after, before: before, in: db)
        return AddedRule(rule: try rules.insert(rule, at: target), created: true)
    }

    /// Extends the rule with the same match and action as `draft`, if there is one: its expiry
    /// moves to the later of the two (a permanent rule stays permanent), it keeps its place, and
    /// a non-empty comment replaces its comment.
    private static func extendExisting(
        _ draft: RuleDraft, in rules: inout FirewallRuleset, db: Database
    ) throws -> AddedRule? {
        guard let existingID = rules.ruleIDs(matching: draft.match).first, var existing = rules.rule(id: existingID)
        else { return nil }
        existing.expiresAt = laterExpiry(existing.expiresAt, draft.expiresAt)
        if !draft.comment.isEmpty { existing.comment = draft.comment }
        try FirewallRuleTable.update(existing, in: db)
        return AddedRule(rule: try rules.update(existing), created: false)
    }

    /// Nil is "never": extending a permanent rule, or by a permanent one, makes it permanent.
    private static func laterExpiry(_ current: Int64?, _ requested: Int64?) -> Int64? {
        guard let current, let requested else { return nil }
        return max(current, requested)
    }

    /// Replaces a rule's fields; it keeps its id, position and hits.
    package func update(_ rule: FirewallRule, in db: Database) throws -> FirewallRule {
        try withRules(in: db) { rules in
            guard rules.contains(id: rule.id) else { throw Self.noSuchRule(rule.id) }
            if let other = rules.ruleIDs(matching: rule.matchKey).first(where: { $0 != rule.id }) {
                throw RPCError.conflict(
                    "rule \(other) already has this match and action", ["id": .int(Int(other))])
            }
            try FirewallRuleTable.update(rule, in: db)
            return try rules.update(rule)
        }
    }

    /// Deletes the rules with `ids`, which must all exist.
    package func delete(ids: [Int64], in db: Database) throws -> [FirewallRule] {
        try withRules(in: db) { rules in
            for id in ids where !rules.contains(id: id) { throw Self.noSuchRule(id) }
            try FirewallRuleTable.delete(ids: ids, in: db)
            return ids.compactMap { rules.remove(id: $0) }
        }
    }

    /// Deletes every rule whose fields equal all the given ones (`fail2ban unbanip` style).
    package func delete(matching criteria: RuleCriteria, in db: Database) throws -> [FirewallRule] {
        try withRules(in: db) { rules in
            var ids: [Int64] = []
            rules.forEachRule { rule in
                if criteria.accepts(rule) { ids.append(rule.id) }
                return true
            }
            guard !ids.isEmpty else {
                throw RPCError.notFound("no rule matches \(criteria)", ["criteria": .string("\(criteria)")])
            }
            try FirewallRuleTable.delete(ids: ids, in: db)
            return ids.compactMap { rules.remove(id: $0) }
        }
    }

    /// Moves a rule; the rules between its old and new position shift by one.
    package func move(id: Int64, to position: Int, in db: Database) throws -> FirewallRule {
        try withRules(in: db) { rules in
            guard let current = rules.position(ofRule: id) else { throw Self.noSuchRule(id) }
            guard (1...rules.count).contains(position) else {
                throw RPCError.invalidParams(field: "position", "\(position) is outside 1-\(rules.count)")
            }
            if position != current {
                // The neighbours it will have, named by their positions before the move.
                let (after, before) =
                    position < current
                    ? (rules.rule(atPosition: position - 1)?.id, rules.rule(atPosition: position)?.id)
                    : (rules.rule(atPosition: position)?.id, rules.rule(atPosition: position + 1)?.id)
                try FirewallRuleTable.move(id: id, after: after, before: before, in: db)
            }
            return try rules.move(id: id, to: position)
        }
    }

    /// Deletes every rule and returns how many there were.
    package func clear(in db: Database) throws -> Int {
        try withRules(in: db) { rules in
            let count = rules.count
            try FirewallRuleTable.deleteAll(in: db)
            rules.removeAll()
            return count
        }
    }

    /// Sets the default policy and returns the previous one.
    package func setPolicy(_ policy: RuleAction, in db: Database) throws -> RuleAction {
        try withRules(in: db) { rules in
            let previous = rules.defaultPolicy
            try SettingsTable.setValue(policy.rawValue, for: Self.policySettingKey, in: db)
            rules.defaultPolicy = policy
            return previous
        }
    }

    /// Runs `change` on the rule set, under its lock, inside a savepoint of its own.
    ///
    /// A change writes the database before memory, but a multi-step one (`addMany`, import)
    /// interleaves the two; if the database fails part-way, the savepoint is rolled back and
    /// the rule set is read again through `db`. That is the writer's connection, so it sees
    /// what the rest of this transaction builds on: nothing of the failed change, everything
    /// of the jobs before it. (Re-reading the committed state instead would drop those, and
    /// keeping memory as it is would leave rules that later jobs find but cannot update.)
    /// Validation errors, `RPCError`, are thrown before anything changed and skip the re-read.
    func withRules<T: Sendable>(in db: Database, _ change: (inout FirewallRuleset) throws -> T) throws -> T {
        try ruleset.withLock { rules in
            do {
                return try db.savepoint { try change(&rules) }
            } catch let error as RPCError {
                throw error
            } catch {
                do {
                    rules = try Self.load(in: db, now: WallClock.nowMilliseconds)
                } catch let reloadError {
                    // The change's `revert` reloads from the committed state once it completes.
                    logger.error("cannot re-read the firewall rules after a failed change: \(reloadError)")
                }
                throw error
            }
        }
    }

    static func noSuchRule(_ id: Int64) -> RPCError {
        .notFound("no firewall rule \(id)", ["id": .int(Int(id))])
    }
}

/// The fields `rules.delete` compares when it deletes by match rather than by id.
package struct RuleCriteria: Sendable, CustomStringConvertible {
    package var source: AddressMatch?
    package var destination: AddressMatch?
    package var sourcePort: PortMatch?
    package var destinationPort: PortMatch?
    package var proto: ProtocolMatch?
    package var action: RuleAction?

    package var isEmpty: Bool {
        source == nil && destination == nil && sourcePort == nil && destinationPort == nil && proto == nil
            && action == nil
    }

    package func accepts(_ rule: FirewallRule) -> Bool {
        (source.map { $0 == rule.source } ?? true) && (destination.map { $0 == rule.destination } ?? true)
            && (sourcePort.map { $0 == rule.sourcePort } ?? true)
            && (destinationPort.map { $0 == rule.destinationPort } ?? true)
            && (proto.map { $0 == rule.proto } ?? true) && (action.map { $0 == rule.action } ?? true)
    }

    package var description: String {
        var parts: [String] = []
        if let source { parts.append("src \(source)") }
        if let destination { parts.append("dst \(destination)") }
        if let sourcePort { parts.append("sport \(sourcePort)") }
        if let destinationPort { parts.append("dport \(destinationPort)") }
        if let proto { parts.append("proto \(proto.rawValue)") }
        if let action { parts.append("action \(action.rawValue)") }
        return parts.joined(separator: ", ")
    }
}
