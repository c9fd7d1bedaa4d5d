/// Bounded retention of the normalized stream: the newest `capacity` events, oldest overwritten.
/// Events arrive in tick order with consecutive sequence numbers, so a tick range is found by
/// binary search and an event by its sequence number in O(1).
package struct SecurityEventStore: Sendable {
    package let capacity: Int
    private var storage: [SecurityEvent] = []
    /// Physical index of the oldest event once the ring has wrapped.
    private var oldest = 0
    package private(set) var totalAppended: UInt64 = 0

    package init(capacity: Int) {
        precondition(capacity > 0, "the event store needs room for at least one event")
        self.capacity = capacity
        // Reserving the whole ring up front costs address space only: pages become resident as
        // events fill them, and the ring never pays for copying on growth or for doubling slack.
        storage.reserveCapacity(capacity)
    }

    package var count: Int { storage.count }
    package var isEmpty: Bool { storage.isEmpty }

    /// The event `offset` places after the oldest retained one.
    @inline(__always)
    package subscript(offset: Int) -> SecurityEvent {
        precondition(offset >= 0 && offset < storage.count, "offset \(offset) outside the retained events")
        let index = oldest + offset
        return storage[index < storage.count ? index : index - storage.count]
    }

    package var first: SecurityEvent? { isEmpty ? nil : self[0] }
    package var last: SecurityEvent? { isEmpty ? nil : self[count - 1] }

    /// Appends `event`. The stream must be in order: the normalizer numbers consecutively and
    /// sources are merged by tick (`LogStoreCursor`); anything else is a programming error.
    package mutating func append(_ event: SecurityEvent) {
        if let last {
            precondition(event.sequence == last.sequence + 1, "events must be appended with consecutive sequences")
            precondition(event.tick >= last.tick, "events must be appended in tick order")
        }
        totalAppended &+= 1
        if storage.count < capacity {
            storage.append(event)
        } else {
            storage[oldest] = event
            oldest += 1
            if oldest == capacity { oldest = 0 }
        }
    }

    /// The retained event numbered `sequence`, if it is still retained.
    package func event(sequence: UInt64) -> SecurityEvent? {
        guard let first, sequence >= first.sequence else { return nil }
        let offset = sequence - first.sequence
        return offset < UInt64(count) ? self[Int(offset)] : nil
    }

    /// The offset of the first retained event at or after `tick`.
    package func firstOffset(atOrAfterTick tick: Int64) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].tick < tick { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The offsets of the events with `range.lowerBound <= tick <= range.upperBound`.
    package func offsets(ticks range: ClosedRange<Int64>) -> Range<Int> {
        let start = firstOffset(atOrAfterTick: range.lowerBound)
        let end = range.upperBound == .max ? count : firstOffset(atOrAfterTick: range.upperBound + 1)
        return start..<Swift.max(start, end)
    }

    /// Calls `body` with each event at `offsets`, oldest first, reading the ring's two contiguous
    /// halves directly (the hot loop of every hunt).
    @inline(__always)
    package func forEach(in offsets: Range<Int>, _ body: (borrowing SecurityEvent) throws -> Void) rethrows {
        guard !offsets.isEmpty else { return }
        try storage.withUnsafeBufferPointer { buffer in
            let wrapAt = buffer.count - oldest
            let firstPart = offsets.lowerBound..<Swift.min(offsets.upperBound, wrapAt)
            if !firstPart.isEmpty {
                for index in (firstPart.lowerBound + oldest)..<(firstPart.upperBound + oldest) {
                    try body(buffer[index])
                }
            }
            let secondStart = Swift.max(offsets.lowerBound, wrapAt)
            if secondStart < offsets.upperBound {
                for index in (secondStart - wrapAt)..<(offsets.upperBound - wrapAt) { try body(buffer[index]) }
            }
        }
    }
}
