/// Sampling built only on `next()` and exact IEEE arithmetic (no libm), so a seed yields the same
/// draws on every platform and toolchain.
extension Xoshiro256StarStar {
    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject method (unbiased).
    @inline(__always)
    package mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex(below:) needs a positive bound")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    @inline(__always)
    package mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextIndex(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    @inline(__always)
    package mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `probability`.
    @inline(__always)
    package mutating func chance(_ probability: Double) -> Bool {
        nextUnit() < probability
    }

    /// A uniformly chosen element of a non-empty array.
    @inline(__always)
    package mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[nextIndex(below: elements.count)]
    }

    /// How many events happen this tick for a rate of `mean` events per tick: the rate jittered
    /// by up to ±25 % (traffic is bursty), then rounded up or down at random so that the long-run
    /// average is exactly `mean`. Integer-exact and libm-free, unlike a Poisson draw.
    @inline(__always)
    package mutating func eventCount(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        let jittered = mean * (0.75 + 0.5 * nextUnit())
        // Conversion truncates, which is flooring for a positive value, without calling libm.
        let whole = Int(jittered)
        return whole + (nextUnit() < jittered - Double(whole) ? 1 : 0)
    }

    /// An ephemeral source port in the Linux default range 32768-60999.
    @inline(__always)
    package mutating func ephemeralPort() -> UInt16 {
        UInt16(32768 + nextIndex(below: 60999 - 32768 + 1))
    }
}
