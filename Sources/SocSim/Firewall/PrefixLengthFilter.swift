import CSocPrefetch

/// For one address side of the index: which prefix lengths have at least one indexed network
/// overlapping each /16 block of the address space. A decision reads one 32-bit mask and probes
/// only those lengths, so it neither pays for the 31 lengths no rule near the packet uses nor
/// touches the hash table for them.
///
/// Exact by construction: a network of length <= 16 covers whole blocks and is the only network
/// of its length there, so its bits are set and cleared with it; longer networks sit inside one
/// block and are counted per block and length.
struct PrefixLengthFilter: Sendable {
    /// Bit `length - 1` of entry `address >> 16`; empty until the first network arrives.
    private var lengthsByBlock: [UInt32] = []
    /// Networks longer than /16 per `block << 5 | (length - 1)`.
    private var networksPerBlock: [UInt32: Int32] = [:]

    /// The lengths (bit `length - 1`) worth probing for `address`.
    @inline(__always)
    func lengths(covering address: UInt32) -> UInt32 {
        lengthsByBlock.isEmpty ? 0 : lengthsByBlock[Int(address >> 16)]
    }

    /// Starts loading the mask `lengths(covering: address)` will read (a hint: nothing waits).
    @inline(__always)
    func prefetch(covering address: UInt32) {
        lengthsByBlock.withUnsafeBufferPointer { blocks in
            guard let base = blocks.baseAddress else { return }
            CSocPrefetch_read(base + Int(address >> 16))
        }
    }

    /// Records that the index now holds `network` (masked) of `length` (1...32).
    mutating func add(network: UInt32, length: Int) {
        if lengthsByBlock.isEmpty { lengthsByBlock = Array(repeating: 0, count: 1 << 16) }
        let bit = UInt32(1) << UInt32(length - 1)
        if length <= 16 {
            for block in Self.blocks(of: network, length: length) { lengthsByBlock[block] |= bit }
            return
        }
        let block = network >> 16
        networksPerBlock[block << 5 | UInt32(length - 1), default: 0] += 1
        lengthsByBlock[Int(block)] |= bit
    }

    /// Records that the index no longer holds `network` of `length`.
    mutating func remove(network: UInt32, length: Int) {
        let bit = UInt32(1) << UInt32(length - 1)
        if length <= 16 {
            for block in Self.blocks(of: network, length: length) { lengthsByBlock[block] &= ~bit }
            return
        }
        let block = network >> 16
        let key = block << 5 | UInt32(length - 1)
        let remaining = networksPerBlock[key, default: 0] - 1
        precondition(remaining >= 0, "removing a network the filter never saw")
        if remaining == 0 {
            networksPerBlock[key] = nil
            lengthsByBlock[Int(block)] &= ~bit
        } else {
            networksPerBlock[key] = remaining
        }
    }

    private static func blocks(of network: UInt32, length: Int) -> Range<Int> {
        let first = Int(network >> 16)
        return first..<first + (1 << (16 - length))
    }
}
