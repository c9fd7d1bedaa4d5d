/// A firewall's decision on one packet.
package struct PacketVerdict: Sendable, Hashable, Codable {
    package enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case accept, drop, reject

        /// `ACCEPT`, `DROP`, `REJECT`, as firewall rules and log prefixes spell them.
        package var label: String {
            switch self {
            case .accept: "ACCEPT"
            case .drop: "DROP"
            case .reject: "REJECT"
            }
        }
    }

    package var action: Action
    /// The rule that decided, or nil when the default policy did.
    package var ruleID: Int64?

    package init(action: Action, ruleID: Int64? = nil) {
        self.action = action
        self.ruleID = ruleID
    }

    /// The default policy's verdict (DESIGN.md: default ACCEPT).
    package static let acceptByPolicy = PacketVerdict(action: .accept)

    /// Both DROP and REJECT keep the packet from its destination; REJECT only also tells the sender.
    package var letsPacketThrough: Bool { action == .accept }
}
