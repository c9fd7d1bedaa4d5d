/// The textbook firewall: test every rule in order, first match wins. It is the reference that
/// `FirewallRuleset`'s compiled matcher must agree with (see the differential tests) and the
/// baseline its benchmark is measured against.
package struct LinearRuleScan: Sendable {
    /// In evaluation order.
    package var rules: [FirewallRule]
    package var defaultPolicy: RuleAction

    /// - Parameter rules: in evaluation order (their `position` fields are not consulted).
    package init(rules: [FirewallRule], defaultPolicy: RuleAction = .accept) {
        self.rules = rules
        self.defaultPolicy = defaultPolicy
    }

    package func decide(_ packet: FiveTuple, now: Int64) -> FirewallDecision {
        for rule in rules where rule.matches(packet, now: now) {
            return FirewallDecision(action: rule.action, ruleID: rule.id)
        }
        return FirewallDecision(action: defaultPolicy, ruleID: nil)
    }
}
