/// One decision's running best across candidate lists: each list is in evaluation order, so a
/// list's scan stops at its first match or at the first rule later than the best so far.
///
/// A table bucket is tested whole and the best kept or replaced field by field with selects,
/// so that a probe of an absent key (the table's sentinel bucket, which matches nothing) goes
/// through the same steps as any other and needs no branch of its own. A version that branched
/// on each test measured the same (docs/BENCHMARKS.md, "Tag bytes beside the buckets").
struct FirstMatchSearch {
    let packet: FiveTuple
    let now: Int64
    let protocolBit: UInt8
    let records: UnsafeBufferPointer<CompiledRule>
    var bestKey = UInt64.max
    private var bestSlot: UInt32 = 0
    private var bestID: Int64 = 0
    private var bestAction = RuleAction.accept

    init(packet: FiveTuple, now: Int64, records: UnsafeBufferPointer<CompiledRule>) {
        self.packet = packet
        self.now = now
        self.protocolBit = CompiledRule.protocolBit(packet.proto)
        self.records = records
    }

    /// The first matching rule considered, or nil.
    var best: RuleIndex.FirstMatch? {
        bestKey == .max ? nil : RuleIndex.FirstMatch(slot: bestSlot, id: bestID, action: bestAction)
    }

    /// Tests a table bucket's rules (the sentinel's: none): the inline head, then, only if it
    /// has one and the head neither matched nor came after the best so far, the tail list `tail`
    /// returns.
    @inline(__always)
    mutating func consider(_ bucket: UnsafePointer<CandidateBucket>, tail: () -> CandidateList?) {
        let orderKey = bucket.pointee.orderKey
        let earlier = orderKey < bestKey
        let matched = bucket.pointee.matches(packet, protocolBit: protocolBit, now: now)
        let better = earlier && matched
        bestKey = better ? orderKey : bestKey
        bestSlot = better ? bucket.pointee.slot : bestSlot
        bestID = better ? bucket.pointee.id : bestID
        bestAction = better ? bucket.pointee.action : bestAction
        if _slowPath(bucket.pointee.hasTail) && earlier && !matched, let tail = tail() { scan(tail) }
    }

    @inline(__always)
    mutating func scan(_ list: borrowing CandidateList) {
        guard !list.isEmpty else { return }
        if consider(list.head) { return }
        for slot in list.tail where consider(slot) { return }
    }

    /// Tests one candidate through its record; true when the scan of its list can stop.
    @inline(__always)
    private mutating func consider(_ slot: UInt32) -> Bool {
        let record = records[Int(slot)]
        guard record.orderKey < bestKey else { return true }
        guard record.matches(packet, protocolBit: protocolBit, now: now) else { return false }
        bestKey = record.orderKey
        bestSlot = slot
        bestID = record.id
        bestAction = record.action
        return true
    }
}
