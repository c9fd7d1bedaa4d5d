extension FirewallRuleset {
    /// Fills an empty rule set with `rules` in the order given; throws, leaving it empty, on a
    /// duplicate id or an invalid rule.
    ///
    /// The result is the one `insert(_:at: nil)` of each rule in turn builds (same slots, order
    /// keys, candidate lists and filters, which the tests check), without its per-rule costs: the
    /// rules arrive in evaluation order, so order keys are assigned by counting, the order list
    /// is cut into chunks directly, and each rule is appended to its candidate list with no
    /// search for its place; every table is sized once up front.
    mutating func buildInOnePass(from rules: [FirewallRule]) throws(FirewallRulesetError) {
        precondition(isEmpty, "a bulk build starts from an empty rule set")
        precondition(rules.count < Int(CandidateList.noSlot), "too many rules for 32-bit slots")
        records.reserveCapacity(rules.count)
        details.reserveCapacity(rules.count)
        hitCounters.reserveCapacity(rules.count)
        slotsByID.reserveCapacity(rules.count)
        index.reserveCapacity(rules.count)
        do throws(FirewallRulesetError) {
            for (position, rule) in rules.enumerated() {
                let slot = UInt32(position)
                guard slotsByID.updateValue(slot, forKey: rule.id) == nil else { throw .duplicateID(rule.id) }
                do {
                    try rule.matchKey.checkPortsAgreeWithProtocol()
                } catch {
                    throw .invalidRule(rule.id, error)
                }
                let record = CompiledRule(rule, orderKey: RuleOrder.appendedKey(at: position))
                records.append(record)
                hitCounters.reset(slot, to: rule.hits)
                details.append(RuleDetails(comment: rule.comment, createdAt: rule.createdAt))
                index.append(slot, record: record)
            }
        } catch {
            removeAll()
            throw error
        }
        order = RuleOrder(appending: Array(0..<UInt32(rules.count)))
    }
}
