extension FirewallRuleset {
    /// Decides every packet of `packets` in order and appends one decision per packet to
    /// `decisions`, counting a hit on each deciding rule: exactly what calling
    /// `decide(_:now:)` on each packet in turn gives, decisions and hit counts alike, but
    /// faster on a large rule set, where a decision mostly waits for cold cache lines: the packets
    /// go in windows through a pipeline that asks for each window's lines while the window before
    /// it is decided (see `RuleIndex.forEachFirstMatch`), so the misses of many packets overlap
    /// instead of queueing. Slightly slower than one at a time on a small, cached rule set.
    ///
    /// - Parameter now: milliseconds since the epoch, for every packet of the batch.
    /// - Parameter window: packets per window of the pipeline, 1...64.
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
        // The index is only read while hits are counted (`hitCounters` is apart from it), so
        // counting each hit as its packet is resolved keeps the one-at-a-time order of
        // counting, and with it the order `takeChangedHitCounts` reports in.
        // The counters are moved out (no copy) so the closure can change them while `index` is
        // borrowed.
        var counters = HitCounters()
        swap(&counters, &hitCounters)
        defer { swap(&counters, &hitCounters) }
        index.forEachFirstMatch(buffer, now: now, records: records, window: window) { _, match in
            guard let match else {
                decisions.append(policy)
                return
            }
            counters.count(match.slot)
            decisions.append(FirewallDecision(action: match.action, ruleID: match.id))
        }
    }
}
