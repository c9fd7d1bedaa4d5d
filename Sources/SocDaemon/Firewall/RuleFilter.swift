import SocSim

/// The filters of `rules.list`: each field given narrows the list.
package struct RuleFilter: Sendable {
    package var source: AddressFilter?
    package var destination: AddressFilter?
    package var port: UInt16?
    package var action: RuleAction?
    /// Lowercased.
    package var commentText: String?

    package init(
        source: AddressFilter? = nil, destination: AddressFilter? = nil, port: UInt16? = nil,
        action: RuleAction? = nil, commentText: String? = nil
    ) {
        self.source = source
        self.destination = destination
        self.port = port
        self.action = action
        self.commentText = commentText?.lowercased()
    }

    package func accepts(_ rule: FirewallRule) -> Bool {
        if let source, !source.accepts(rule.source) { return false }
        if let destination, !destination.accepts(rule.destination) { return false }
        if let port {
            let inSource = rule.sourcePort != .any && rule.sourcePort.contains(port)
            let inDestination = rule.destinationPort != .any && rule.destinationPort.contains(port)
            if !inSource && !inDestination { return false }
        }
        if let action, rule.action != action { return false }
        if let commentText, !rule.comment.lowercased().contains(commentText) { return false }
        return true
    }
}

/// How `rules.list` matches an address field: `ANY` finds wildcard rules; an address finds the
/// rules whose network contains it (what an analyst means by "rules about this host"); a CIDR
/// finds rules for exactly that network.
package enum AddressFilter: Sendable, Equatable {
    case wildcard
    case containing(IPv4Address)
    case network(IPv4CIDR)

    package static func parse(_ text: String, field: String) throws(RuleFieldError) -> AddressFilter {
        switch try AddressMatch.parse(text, field: field) {
        case .any: return .wildcard
        case .network(let cidr) where cidr.prefixLength == 32 && !text.contains("/"): return .containing(cidr.network)
        case .network(let cidr): return .network(cidr)
        }
    }

    func accepts(_ match: AddressMatch) -> Bool {
        switch (self, match) {
        case (.wildcard, .any): true
        case (.containing(let address), .network(let cidr)): cidr.contains(address)
        case (.network(let wanted), .network(let cidr)): wanted == cidr
        default: false
        }
    }
}
