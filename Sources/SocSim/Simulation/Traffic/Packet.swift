/// One simulated packet. Each stands for one application exchange (an HTTP request, a DNS query,
/// a DHCP message, an SSH login attempt) rather than every segment of it, which keeps the firewall
/// log readable and the simulation cheap while the 5-tuple stays exactly what a firewall matches.
package struct Packet: Sendable, Hashable, Codable {
    /// Sequential within a simulation run, starting at 1.
    package var id: UInt64
    package var tick: Int64
    package var tuple: FiveTuple
    /// Bytes on the wire, IP header included (the `LEN=` of a firewall log line).
    package var size: Int
    /// Empty for UDP.
    package var tcpFlags: TCPFlags
    package var payload: PacketPayload
    /// Ground truth: part of an attack. Shown as red; never written into any log record.
    package var malicious: Bool
    /// Topology host names when the address belongs to one; nil for internet addresses.
    package var sourceHost: String?
    package var destinationHost: String?

    package init(
        id: UInt64, tick: Int64, tuple: FiveTuple, size: Int, tcpFlags: TCPFlags, payload: PacketPayload,
        malicious: Bool, sourceHost: String?, destinationHost: String?
    ) {
        self.id = id
        self.tick = tick
        self.tuple = tuple
        self.size = size
        self.tcpFlags = tcpFlags
        self.payload = payload
        self.malicious = malicious
        self.sourceHost = sourceHost
        self.destinationHost = destinationHost
    }

    package var summary: String { payload.summary }
}
