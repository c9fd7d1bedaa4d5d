extension PacketVerdict {
    /// The verdict a firewall decision gives a packet: the decision's action and deciding rule.
    package init(_ decision: FirewallDecision) {
        let action: Action =
            switch decision.action {
            case .accept: .accept
            case .drop: .drop
            case .reject: .reject
            }
        self.init(action: action, ruleID: decision.ruleID)
    }
}
