/// Durations of repeated operations, in nanoseconds, and the order statistics the tables show.
struct Samples {
    private(set) var nanoseconds: [Double] = []
    private var isSorted = true

    init(capacity: Int = 0) {
        nanoseconds.reserveCapacity(capacity)
    }

    var count: Int { nanoseconds.count }

    mutating func append(_ value: Double) {
        nanoseconds.append(value)
        isSorted = false
    }

    /// The value below which `fraction` of the samples fall (nearest rank), 0 when empty.
    mutating func percentile(_ fraction: Double) -> Double {
        guard !nanoseconds.isEmpty else { return 0 }
        if !isSorted {
            nanoseconds.sort()
            isSorted = true
        }
        let rank = Int((fraction * Double(nanoseconds.count)).rounded(.up)) - 1
        return nanoseconds[min(max(rank, 0), nanoseconds.count - 1)]
    }

    mutating func median() -> Double { percentile(0.5) }
}
