extension FirewallRuleset {
    /// Fills an empty rule set with `rules` in the order given; throws, leaving it empty, on a
    /// duplicate id or an invalid rule.
    ///
    /// The result is the one `insert(_:at: nil)` of each rule in turn builds (same slots, order
    /// keys, candidate lists and filters, which the tests check), without its per-rule costs: see
    /// `BulkBuilder`.
    mutating func buildInOnePass(from rules: [FirewallRule]) throws(FirewallRulesetError) {
        precondition(isEmpty, "a bulk build starts from an empty rule set")
        var builder = BulkBuilder(defaultPolicy: defaultPolicy, expectedCount: rules.count)
        for rule in rules { try builder.append(rule) }
        self = builder.finish()
    }

    /// Builds a rule set from rules handed over one at a time in evaluation order, so that a
    /// caller reading them from somewhere (socd's start reads a million from its database) never
    /// holds them all as `FirewallRule` values at once.
    ///
    /// The result is the one `insert(_:at: nil)` of each rule in turn builds, without its
    /// per-rule costs: the rules arrive in evaluation order, so order keys are assigned by
    /// counting, the order list is cut into chunks once at the end, and each rule is appended to
    /// its candidate list with no search for its place; every table is sized once up front from
    /// `expectedCount`.
    ///
    /// After `append` throws, the builder must not be used again: drop it.
    package struct BulkBuilder: Sendable {
        private var ruleset: FirewallRuleset

        /// - Parameter expectedCount: how many rules will be appended, for sizing the tables; a
        ///   wrong guess costs only time.
        package init(defaultPolicy: RuleAction, expectedCount: Int) {
            precondition(expectedCount < Int(CandidateList.noSlot), "too many rules for 32-bit slots")
            ruleset = FirewallRuleset(defaultPolicy: defaultPolicy)
            ruleset.records.reserveCapacity(expectedCount)
            ruleset.details.reserveCapacity(expectedCount)
            ruleset.hitCounters.reserveCapacity(expectedCount)
            ruleset.slotsByID.reserveCapacity(expectedCount)
            ruleset.index.reserveCapacity(expectedCount)
        }

        /// How many rules have been appended.
        package var count: Int { ruleset.records.count }

        /// Adds `rule` after every rule appended so far; its `position` is ignored. Throws on an
        /// id already appended or a rule `insert` would refuse.
        package mutating func append(_ rule: FirewallRule) throws(FirewallRulesetError) {
            precondition(ruleset.records.count < Int(CandidateList.noSlot) - 1, "too many rules for 32-bit slots")
            let position = ruleset.records.count
            let slot = UInt32(position)
            guard ruleset.slotsByID.updateValue(slot, forKey: rule.id) == nil else { throw .duplicateID(rule.id) }
            do {
                try rule.matchKey.checkPortsAgreeWithProtocol()
            } catch {
                throw .invalidRule(rule.id, error)
            }
            let record = CompiledRule(rule, orderKey: RuleOrder.appendedKey(at: position))
            ruleset.records.append(record)
            ruleset.hitCounters.reset(slot, to: rule.hits)
            ruleset.details.append(RuleDetails(comment: rule.comment, createdAt: rule.createdAt))
            ruleset.index.append(slot, record: record)
        }

        /// The rule set holding every appended rule in the order appended.
        package consuming func finish() -> FirewallRuleset {
            ruleset.order = RuleOrder(appending: Array(0..<UInt32(ruleset.records.count)))
            return ruleset
        }
    }
}
