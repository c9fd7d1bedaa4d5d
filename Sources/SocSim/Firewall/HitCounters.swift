/// The rules' hit counters by slot, kept apart from their `CompiledRule`s: counting a decision's
/// hit then touches 8 bytes of a dense array (800 KB with 100,000 rules, mostly cached) instead
/// of the rule's cold 64-byte record, which the decision itself no longer reads (see
/// `CandidateBucket`). Each counter's top bit says it changed since it was last reported.
struct HitCounters: Sendable {
    private static let unreported: UInt64 = 1 << 63

    private var counters: [UInt64] = []
    /// Slots whose counter was marked unreported, possibly stale (reset since), in no order.
    private var changedSlots: [UInt32] = []

    mutating func reserveCapacity(_ slots: Int) {
        counters.reserveCapacity(slots)
    }

    /// Sets `slot`'s counter to `hits`, not to be reported until it next counts a hit; `slot`
    /// may be the next unused one (the counters grow with the records).
    mutating func reset(_ slot: UInt32, to hits: UInt64) {
        let value = hits & ~Self.unreported
        if Int(slot) == counters.count { counters.append(value) } else { counters[Int(slot)] = value }
    }

    func hits(_ slot: UInt32) -> UInt64 { counters[Int(slot)] & ~Self.unreported }

    /// Counts one hit on `slot`.
    @inline(__always)
    mutating func count(_ slot: UInt32) {
        var counter = counters[Int(slot)]
        if counter & Self.unreported == 0 {
            counter |= Self.unreported
            changedSlots.append(slot)
        }
        // Wraps within the low 63 bits, as the 64-bit counter it replaces wrapped.
        counters[Int(slot)] = (counter &+ 1) | Self.unreported
    }

    /// Sets `slot`'s counter to `hits` and marks it unreported, so that the next `takeChanged`
    /// reports it: hits counted in memory that are not saved yet (a save that failed, a reload).
    mutating func restore(_ slot: UInt32, to hits: UInt64) {
        if counters[Int(slot)] & Self.unreported == 0 { changedSlots.append(slot) }
        counters[Int(slot)] = hits | Self.unreported
    }

    /// Calls `body` with each slot whose counter changed since the last call, and its count.
    mutating func takeChanged(_ body: (UInt32, UInt64) -> Void) {
        for slot in changedSlots where counters[Int(slot)] & Self.unreported != 0 {
            counters[Int(slot)] &= ~Self.unreported
            body(slot, counters[Int(slot)])
        }
        changedSlots.removeAll(keepingCapacity: true)
    }

    mutating func removeAll() {
        self = HitCounters()
    }
}
