/// Reconnaissance before an attack: one address sends a SYN to every port of `ports` on the
/// server, `probesPerTick` at a time, in a scrambled order (as nmap does, to look less like a
/// sweep), and stops when it has tried them all.
package struct PortScanGenerator: Sendable, Hashable, Codable {
    package var source: IPv4Address
    package var server: IPv4Address
    package var serverHost: String
    package var ports: ClosedRange<UInt16>
    package var probesPerTick: Int
    package var startTick: Int64
    /// Probes sent so far; the scan is over once every port was probed.
    package private(set) var probesSent = 0
    /// Where in the range the scrambled order starts, and its stride (odd, so coprime with a
    /// power-of-two count and, checked at init, with the range's count).
    private var offset: Int
    private var stride: Int

    package init(
        source: IPv4Address, server: IPv4Address, serverHost: String, ports: ClosedRange<UInt16>, probesPerTick: Int,
        startTick: Int64, random: inout Xoshiro256StarStar
    ) {
        precondition(probesPerTick > 0, "a scan needs at least one probe per tick")
        self.source = source
        self.server = server
        self.serverHost = serverHost
        self.ports = ports
        self.probesPerTick = probesPerTick
        self.startTick = startTick
        let count = ports.count
        offset = random.nextIndex(below: count)
        var stride = 1
        for candidate in [263, 409, 617, 881, 997] where Self.greatestCommonDivisor(candidate, count) == 1 {
            stride = candidate
            if random.chance(0.5) { break }
        }
        self.stride = stride
    }

    package var isFinished: Bool { probesSent >= ports.count }

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        guard batch.tick >= startTick else { return }
        let count = ports.count
        for _ in 0..<min(probesPerTick, count - probesSent) {
            let port = ports.lowerBound + UInt16((offset + probesSent * stride) % count)
            probesSent += 1
            batch.emit(
                FiveTuple(
                    source: source, destination: server, sourcePort: random.ephemeralPort(), destinationPort: port,
                    proto: .tcp),
                size: 44, tcpFlags: .syn, payload: .connectionProbe, malicious: true, sourceHost: nil,
                destinationHost: serverHost)
        }
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : greatestCommonDivisor(b, a % b)
    }
}
