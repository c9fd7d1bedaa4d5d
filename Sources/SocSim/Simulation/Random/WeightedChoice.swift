/// A fixed table of elements with integer weights, sampled in proportion to them.
package struct WeightedChoice<Element: Sendable>: Sendable {
    package let elements: [Element]
    private let cumulativeWeights: [Int]

    /// `entries` must be non-empty with positive weights.
    package init(_ entries: [(Element, weight: Int)]) {
        precondition(!entries.isEmpty && entries.allSatisfy { $0.weight > 0 }, "weights must be positive")
        elements = entries.map(\.0)
        var running = 0
        cumulativeWeights = entries.map { entry in
            running += entry.weight
            return running
        }
    }

    package var totalWeight: Int { cumulativeWeights.last! }

    /// Tables are a dozen entries long, so a linear scan beats a binary search here.
    @inline(__always)
    package func pick(using random: inout Xoshiro256StarStar) -> Element {
        let target = random.nextIndex(below: totalWeight)
        var index = 0
        while cumulativeWeights[index] <= target { index += 1 }
        return elements[index]
    }
}
