/// The verdict for one packet and the rule that gave it; `ruleID` is nil when no rule matched
/// and the default policy decided.
package struct FirewallDecision: Sendable, Hashable, CustomStringConvertible {
    package var action: RuleAction
    package var ruleID: Int64?

    package init(action: RuleAction, ruleID: Int64?) {
        self.action = action
        self.ruleID = ruleID
    }

    package var description: String {
        ruleID.map { "\(action) by rule \($0)" } ?? "\(action) by default policy"
    }
}
