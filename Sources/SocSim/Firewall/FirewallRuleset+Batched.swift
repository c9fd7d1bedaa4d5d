extension FirewallRuleset {
    /// Decides every packet of `packets` in order and appends one decision per packet to
    /// `decisions`, counting a hit on each deciding rule: exactly what calling
    /// `decide(_:now:)` on each packet in turn gives, decisions and hit counts alike, but
    /// faster on a large rule set, where a decision mostly waits for cold cache lines: the packets
    /// go through a pipeline that asks for each packet's lines well before it is resolved (see
    /// `RuleIndex.forEachFirstMatch`), so the misses of many packets overlap instead of
    /// queueing. Slower than one at a time on a small, cached rule set, by the pipeline's
    /// bookkeeping (docs/BENCHMARKS.md).
    ///
    /// - Parameter now: milliseconds since the epoch, for every packet of the batch.
    /// - Parameter window: packets between two stages of the pipeline, 1...64.
    package mutating func decide(
        _ packets: some Collection<FiveTuple>, now: Int64, into decisions: inout [FirewallDecision],
        window: Int = RuleIndex.defaultPipelineWindow
    ) {
        let done: Void? = packets.withContiguousStorageIfAvailable { buffer in
            decide(buffer: buffer, now: now, into: &decisions, window: window)
        }
        if done == nil {
            Array(packets).withUnsafeBufferPointer { decide(buffer: $0, now: now, into: &decisions, window: window) }
        }
    }

    private mutating func decide(
        buffer: UnsafeBufferPointer<FiveTuple>, now: Int64, into decisions: inout [FirewallDecision], window: Int
    ) {
        let policy = FirewallDecision(action: defaultPolicy, ruleID: nil)
        // The index is only read while hits are counted (`hitCounters` is apart from it). The
        // counters are moved out (no copy) so the closure can change them while `index` is
        // borrowed.
        var counters = HitCounters()
        swap(&counters, &hitCounters)
        defer { swap(&counters, &hitCounters) }
        // A hit is counted `Self.delayedHits` hits after its counter was asked for, so that the
        // counter's line has arrived: the 800 KB of counters at 100,000 rules are not all
        // cached. Hits are still counted in packet order, and so reported in the order
        // `decide(_:now:)` one packet at a time would report them.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.delayedHits) { delayed in
            var hits = 0
            index.forEachFirstMatch(buffer, now: now, records: records, window: window) { _, match in
                guard let match else {
                    decisions.append(policy)
                    return
                }
                counters.prefetch(match.slot)
                let ring = hits & (Self.delayedHits - 1)
                if hits >= Self.delayedHits { counters.count(delayed[ring]) }
                delayed[ring] = match.slot
                hits &+= 1
                decisions.append(FirewallDecision(action: match.action, ruleID: match.id))
            }
            for hit in max(0, hits - Self.delayedHits)..<hits { counters.count(delayed[hit & (Self.delayedHits - 1)]) }
        }
    }

    /// Hits between asking for a counter and counting on it (a power of two).
    private static var delayedHits: Int { 8 }
}
