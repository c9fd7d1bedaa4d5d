/// xoshiro256** (Blackman and Vigna, 2018): the simulation's only source of randomness.
///
/// The stdlib's generators are neither seedable nor serializable, and the algorithms behind
/// `Int.random(in:using:)` may change between toolchains; the simulation promises identical traffic
/// for the same seed, so it owns both the generator and the sampling functions built on it
/// (`Xoshiro256StarStar+Sampling.swift`). The four state words are `Codable` so a snapshot resumes
/// the exact stream.
package struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable, Codable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Expands `seed` with SplitMix64; every seed, including 0, gives a valid non-zero state.
    package init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// Restores a state read from `state`. The all-zero state is a fixed point of the generator
    /// (it would only ever produce zeros), so it is refused.
    package init?(state: [UInt64]) {
        guard state.count == 4, state.contains(where: { $0 != 0 }) else { return nil }
        s0 = state[0]
        s1 = state[1]
        s2 = state[2]
        s3 = state[3]
    }

    package var state: [UInt64] { [s0, s1, s2, s3] }

    @inline(__always)
    private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    @inline(__always)
    package mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }
}
