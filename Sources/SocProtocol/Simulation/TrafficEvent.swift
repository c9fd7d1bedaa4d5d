import JSONRPC

/// The data of a `traffic` topic event: a sample of the packets of the ticks just simulated.
///
/// socd publishes at most `TrafficEvent.packetsPerSecond` packets a second however fast the
/// simulation runs, spreading the sample evenly over the packets, so following the traffic never
/// slows the simulation; `omitted` says how many were left out since the previous event.
package struct TrafficEvent: Codable, Sendable, Hashable {
    package static let packetsPerSecond = 200

    /// The first and last tick the sample is taken from.
    package var fromTick: Int
    package var toTick: Int
    package var packets: [TrafficPacket]
    package var omitted: Int

    package init(fromTick: Int, toTick: Int, packets: [TrafficPacket], omitted: Int) {
        self.fromTick = fromTick
        self.toTick = toTick
        self.packets = packets
        self.omitted = omitted
    }
}
