/// Reads what the simulation's data sources wrote since the last read, merged into one stream in
/// tick order, so the SIEM sees every record once. Each source's ring counts every append
/// (`totalWritten`), so the cursor knows how many records are new; if more were written than a
/// ring retains, the overwritten ones are counted in `missed` instead.
package struct LogStoreCursor: Sendable {
    private var consumed: [LogDataset: UInt64] = [:]
    /// Records that left their ring before the cursor read them.
    package private(set) var missed: UInt64 = 0

    package init() {}

    /// The new records of every source, in tick order; within one tick, in `LogDataset` order and
    /// then in the order they were written.
    package mutating func readNew(from logs: LogStore) -> [LogRecord] {
        var perSource: [[LogRecord]] = []
        for dataset in LogDataset.allCases {
            let written = logs.totalWritten(to: dataset)
            let fresh = written - consumed[dataset, default: 0]
            consumed[dataset] = written
            guard fresh > 0 else { continue }
            let retained = UInt64(logs.retainedCount(of: dataset))
            if fresh > retained { missed += fresh - retained }
            perSource.append(logs.tail(dataset, limit: Int(Swift.min(fresh, retained))))
        }
        return Self.mergeByTick(perSource)
    }

    /// A k-way merge of lists each sorted by tick; stable across lists in their given order.
    static func mergeByTick(_ lists: [[LogRecord]]) -> [LogRecord] {
        if lists.count == 1 { return lists[0] }
        var merged: [LogRecord] = []
        merged.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var positions = [Int](repeating: 0, count: lists.count)
        while true {
            var best = -1
            var bestTick = Int64.max
            for index in lists.indices where positions[index] < lists[index].count {
                let tick = lists[index][positions[index]].tick
                if tick < bestTick {
                    bestTick = tick
                    best = index
                }
            }
            if best < 0 { return merged }
            // Take the whole run of this tick from the chosen list at once.
            let list = lists[best]
            var position = positions[best]
            while position < list.count && list[position].tick == bestTick {
                merged.append(list[position])
                position += 1
            }
            positions[best] = position
        }
    }
}
