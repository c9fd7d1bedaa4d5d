/// The packets generated in one tick. Generators append to it; it numbers packets and reuses its
/// storage from tick to tick so that generation does not allocate in steady state.
package struct PacketBatch: Sendable {
    package private(set) var packets: [Packet] = []
    package private(set) var tick: Int64 = 0
    package private(set) var nextPacketID: UInt64

    package init(nextPacketID: UInt64) { self.nextPacketID = nextPacketID }

    /// Empties the batch for `tick`, keeping its capacity.
    package mutating func begin(tick: Int64) {
        self.tick = tick
        packets.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    package mutating func emit(
        _ tuple: FiveTuple, size: Int, tcpFlags: TCPFlags = [], payload: PacketPayload, malicious: Bool = false,
        sourceHost: String?, destinationHost: String?
    ) {
        packets.append(
            Packet(
                id: nextPacketID, tick: tick, tuple: tuple, size: size, tcpFlags: tcpFlags, payload: payload,
                malicious: malicious, sourceHost: sourceHost, destinationHost: destinationHost))
        nextPacketID += 1
    }
}
