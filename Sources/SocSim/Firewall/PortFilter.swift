/// One bit per port: whether the index holds a key for it, so a decision skips the hash probe
/// for the many packets whose port no rule names. 8 KiB, allocated with the first port.
struct PortFilter: Sendable {
    private var words: [UInt64] = []

    @inline(__always)
    func contains(_ port: UInt16) -> Bool {
        words.isEmpty ? false : words[Int(port >> 6)] & (1 << UInt64(port & 63)) != 0
    }

    mutating func insert(_ port: UInt16) {
        if words.isEmpty { words = Array(repeating: 0, count: 1024) }
        words[Int(port >> 6)] |= 1 << UInt64(port & 63)
    }

    mutating func remove(_ port: UInt16) {
        words[Int(port >> 6)] &= ~(1 << UInt64(port & 63))
    }
}
