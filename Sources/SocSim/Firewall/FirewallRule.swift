/// One firewall rule as socd stores and shows it. Values are canonical: they come from
/// `RuleSpec.validated(now:)` or from decoding a stored rule.
package struct FirewallRule: Sendable, Hashable {
    /// Assigned by socd, never reused.
    package var id: Int64
    /// 1-based evaluation order, dense across the rule set; first match wins.
    package var position: Int
    package var source: AddressMatch
    package var destination: AddressMatch
    package var sourcePort: PortMatch
    package var destinationPort: PortMatch
    package var proto: ProtocolMatch
    package var action: RuleAction
    package var comment: String
    /// Milliseconds since the epoch; the rule stops matching once `now >= expiresAt`.
    package var expiresAt: Int64?
    /// Milliseconds since the epoch.
    package var createdAt: Int64
    /// Packets this rule decided.
    package var hits: UInt64

    package init(
        id: Int64, position: Int, source: AddressMatch = .any, destination: AddressMatch = .any,
        sourcePort: PortMatch = .any, destinationPort: PortMatch = .any, proto: ProtocolMatch = .any,
        action: RuleAction, comment: String = "", expiresAt: Int64? = nil, createdAt: Int64, hits: UInt64 = 0
    ) {
        self.id = id
        self.position = position
        self.source = source
        self.destination = destination
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.proto = proto
        self.action = action
        self.comment = comment
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.hits = hits
    }

    /// A stored rule made from validated user input.
    package init(id: Int64, position: Int, draft: RuleDraft, hits: UInt64 = 0) {
        self.init(
            id: id, position: position, source: draft.match.source, destination: draft.match.destination,
            sourcePort: draft.match.sourcePort, destinationPort: draft.match.destinationPort,
            proto: draft.match.proto, action: draft.match.action, comment: draft.comment,
            expiresAt: draft.expiresAt, createdAt: draft.createdAt, hits: hits)
    }

    /// What makes two rules "the same rule" for re-adding: every matching field and the action.
    package var matchKey: RuleMatchKey {
        get {
            RuleMatchKey(
                source: source, destination: destination, sourcePort: sourcePort, destinationPort: destinationPort,
                proto: proto, action: action)
        }
        set {
            source = newValue.source
            destination = newValue.destination
            sourcePort = newValue.sourcePort
            destinationPort = newValue.destinationPort
            proto = newValue.proto
            action = newValue.action
        }
    }

    package func isExpired(now: Int64) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt <= now
    }

    /// The rule's own test of one packet, written for clarity: this is the reference semantics
    /// the compiled matcher is checked against. Port fields other than ANY only match TCP and
    /// UDP, the protocols that have ports.
    package func matches(_ packet: FiveTuple, now: Int64) -> Bool {
        guard !isExpired(now: now) else { return false }
        guard proto.contains(packet.proto) else { return false }
        guard source.contains(packet.source), destination.contains(packet.destination) else { return false }
        if sourcePort == .any && destinationPort == .any { return true }
        guard packet.proto == .tcp || packet.proto == .udp else { return false }
        return sourcePort.contains(packet.sourcePort) && destinationPort.contains(packet.destinationPort)
    }
}
