/// SplitMix64 (Steele, Lea and Flood, 2014). Used only to expand one 64-bit seed into the 256 bits of
/// xoshiro state, as the xoshiro authors recommend: consecutive seeds then give unrelated streams.
package struct SplitMix64: Sendable, Hashable, Codable {
    package private(set) var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
