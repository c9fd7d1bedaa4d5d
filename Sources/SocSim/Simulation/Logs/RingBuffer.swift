/// Bounded retention: keeps the newest `capacity` elements, overwriting the oldest. Elements are
/// appended in tick order, which lets `elements(sinceTick:)` binary-search.
package struct RingBuffer<Element: Sendable>: Sendable {
    package let capacity: Int
    private var storage: [Element] = []
    /// Physical index of the oldest element once the buffer has wrapped.
    private var oldest = 0
    /// How many elements were ever appended, including those since overwritten.
    package private(set) var totalAppended: UInt64 = 0

    /// A capacity of 0 keeps nothing (the source is switched off) but still counts appends.
    package init(capacity: Int) {
        precondition(capacity >= 0, "capacity must not be negative")
        self.capacity = capacity
        storage.reserveCapacity(Swift.min(capacity, 1 << 16))
    }

    package var count: Int { storage.count }
    package var isEmpty: Bool { storage.isEmpty }

    @inline(__always)
    package mutating func append(_ element: Element) {
        totalAppended &+= 1
        if storage.count < capacity {
            storage.append(element)
        } else if capacity > 0 {
            storage[oldest] = element
            oldest += 1
            if oldest == capacity { oldest = 0 }
        }
    }

    /// The element `offset` places after the oldest retained one.
    package subscript(offset: Int) -> Element {
        precondition(offset >= 0 && offset < storage.count, "offset \(offset) outside the retained elements")
        let index = oldest + offset
        return storage[index < storage.count ? index : index - storage.count]
    }

    /// Oldest first.
    package var elements: [Element] { suffix(count) }

    /// The newest `limit` elements, oldest first.
    package func suffix(_ limit: Int) -> [Element] {
        let taken = Swift.max(0, Swift.min(limit, count))
        return (count - taken..<count).map { self[$0] }
    }

    package var last: Element? { isEmpty ? nil : self[count - 1] }

    package mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        oldest = 0
    }
}

extension RingBuffer where Element: TickStamped {
    /// The offset of the first retained element at or after `tick`.
    package func firstOffset(atOrAfterTick tick: Int64) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].tick < tick { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Elements of `tick` and later, oldest first; at most the newest `limit` of them.
    package func elements(sinceTick tick: Int64, limit: Int = .max) -> [Element] {
        let start = Swift.max(firstOffset(atOrAfterTick: tick), count - Swift.max(0, limit))
        return (start..<count).map { self[$0] }
    }
}
