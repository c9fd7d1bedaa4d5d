/// A rule's identity for de-duplication: re-adding a rule with the same key extends the existing
/// rule instead of adding a second one. Comment, expiry and counters are not part of it.
package struct RuleMatchKey: Sendable, Hashable, CustomStringConvertible {
    package var source: AddressMatch
    package var destination: AddressMatch
    package var sourcePort: PortMatch
    package var destinationPort: PortMatch
    package var proto: ProtocolMatch
    package var action: RuleAction

    package init(
        source: AddressMatch = .any, destination: AddressMatch = .any, sourcePort: PortMatch = .any,
        destinationPort: PortMatch = .any, proto: ProtocolMatch = .any, action: RuleAction
    ) {
        self.source = source
        self.destination = destination
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.proto = proto
        self.action = action
    }

    /// The room's table order: `SRC DST SPORT DPORT PROTO ACTION`.
    package var description: String {
        "\(source) \(destination) \(sourcePort) \(destinationPort) \(proto) \(action)"
    }

    /// ICMP has no ports, so a port other than ANY with `proto icmp` could never match.
    package func checkPortsAgreeWithProtocol() throws(RuleFieldError) {
        guard proto == .icmp else { return }
        if sourcePort != .any { throw .portsWithoutPortProtocol("sport", sourcePort) }
        if destinationPort != .any { throw .portsWithoutPortProtocol("dport", destinationPort) }
    }
}
