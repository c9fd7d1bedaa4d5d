/// The transport protocols the simulated network carries.
package enum IPProtocol: String, Sendable, Hashable, Codable, CaseIterable {
    case tcp, udp, icmp
}

/// What a firewall looks at to decide a packet.
package struct FiveTuple: Sendable, Hashable, Codable {
    package var source: IPv4Address
    package var destination: IPv4Address
    package var sourcePort: UInt16
    package var destinationPort: UInt16
    package var proto: IPProtocol

    package init(
        source: IPv4Address, destination: IPv4Address, sourcePort: UInt16, destinationPort: UInt16,
        proto: IPProtocol
    ) {
        self.source = source
        self.destination = destination
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.proto = proto
    }
}
