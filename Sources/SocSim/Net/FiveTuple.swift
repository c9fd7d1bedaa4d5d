/// The transport protocols the simulated network carries.
public enum IPProtocol: String, Sendable, Hashable, Codable, CaseIterable {
    case tcp, udp, icmp
}

/// What a firewall looks at to decide a packet.
public struct FiveTuple: Sendable, Hashable, Codable {
    public var source: IPv4Address
    public var destination: IPv4Address
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    public var proto: IPProtocol

    public init(
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
