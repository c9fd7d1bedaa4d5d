/// One 64-byte bucket of `CandidateTable`: an index key and, inline, everything a decision needs
/// from the earliest rule filed under it (its match fields, expiry, order key, id and action).
/// Most keys hold one rule (a banned address), so a decision that probes a key reads this one
/// cache line and never the rule's `CompiledRule`; only keys holding several rules keep the
/// later ones in a tail list, tested through the records as before.
///
/// Field order is the layout: 8-byte fields first so nothing is padded, 64 bytes in all (a test
/// checks the stride), and `CandidateTable` keeps buckets 64-byte aligned.
struct CandidateBucket: Sendable {
    /// `CandidateTable.vacant` in an empty bucket; every other field is then meaningless.
    var key: UInt64
    /// The head rule's copy of `CompiledRule.orderKey`, kept current through relabels.
    var orderKey: UInt64
    var expiresAt: Int64
    var id: Int64
    var sourceNetwork: UInt32
    var sourceMask: UInt32
    var destinationNetwork: UInt32
    var destinationMask: UInt32
    var sourcePortLow: UInt16
    var sourcePortHigh: UInt16
    var destinationPortLow: UInt16
    var destinationPortHigh: UInt16
    var protocols: UInt8
    var action: RuleAction
    /// Whether more rules share the key (`CandidateTable` keeps them apart, in evaluation order).
    var hasTail: Bool
    /// The head rule's slot.
    var slot: UInt32

    /// A bucket holding `record` (in `slot`) as the head rule of `key`.
    init(key: UInt64, slot: UInt32, record: CompiledRule, hasTail: Bool) {
        self.key = key
        self.orderKey = record.orderKey
        self.expiresAt = record.expiresAt
        self.id = record.id
        self.sourceNetwork = record.sourceNetwork
        self.sourceMask = record.sourceMask
        self.destinationNetwork = record.destinationNetwork
        self.destinationMask = record.destinationMask
        self.sourcePortLow = record.sourcePortLow
        self.sourcePortHigh = record.sourcePortHigh
        self.destinationPortLow = record.destinationPortLow
        self.destinationPortHigh = record.destinationPortHigh
        self.protocols = record.protocols
        self.action = record.action
        self.hasTail = hasTail
        self.slot = slot
    }

    /// `CompiledRule.matches` on the inline copy. The address, port and expiry tests are all
    /// made and combined bitwise, with no branch between them, since whether a probed rule
    /// matches is what the branch predictor cannot guess.
    @inline(__always)
    func matches(_ packet: FiveTuple, protocolBit: UInt8, now: Int64) -> Bool {
        let protocolMatches = protocols & protocolBit
        let addresses =
            bit(packet.source.value & sourceMask == sourceNetwork)
            & bit(packet.destination.value & destinationMask == destinationNetwork)
        let ports =
            bit(packet.sourcePort &- sourcePortLow <= sourcePortHigh &- sourcePortLow)
            & bit(packet.destinationPort &- destinationPortLow <= destinationPortHigh &- destinationPortLow)
        return protocolMatches != 0 && addresses & ports & bit(now < expiresAt) != 0
    }

    @inline(__always)
    private func bit(_ condition: Bool) -> UInt8 { condition ? 1 : 0 }
}
