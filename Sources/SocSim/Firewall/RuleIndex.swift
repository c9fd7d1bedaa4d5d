/// The compiled matcher's index: every rule is filed under exactly one key taken from its most
/// selective field, and a decision probes the few keys a packet could match, so its cost
/// depends on how many rules share the packet's keys, not on how many rules there are.
///
/// Keys are `kind << 32 | value`. Address kinds bucket networks by prefix-length class: a rule
/// for `10.1.2.0/23` is filed under the /16 class key `10.1.0.0`, and the candidate test applies
/// the rule's own mask. With five classes per side a packet needs at most five probes per
/// address however many distinct prefix lengths the rules use.
///
/// Rules that are wildcards on every indexed field (ANY addresses, ports ANY or a range) go to
/// the `unindexed` list, scanned on every decision: the one place where cost grows with rules.
struct RuleIndex: Sendable {
    /// Address classes, longest first; a prefix belongs to the longest class not longer than it.
    private static let classLengths = [32, 24, 16, 8, 1]
    private static let classMasks: [UInt32] = classLengths.map { IPv4CIDR.mask($0) }
    private static let destinationKindBase = classLengths.count
    private static let destinationPortKind = 2 * classLengths.count
    private static let sourcePortKind = destinationPortKind + 1
    private static let kindCount = sourcePortKind + 1

    private var table = CandidateTable()
    private var unindexed = CandidateList()
    /// Keys present per kind, so decisions skip kinds no rule uses.
    private var keysPerKind = [Int](repeating: 0, count: kindCount)
    /// Bit `k` is set while `keysPerKind[k] > 0`.
    private var populatedKinds: UInt32 = 0

    /// Number of rules only a scan can find (for benchmarks and diagnostics).
    var unindexedCount: Int { unindexed.count }

    mutating func insert(_ slot: UInt32, record: CompiledRule, orderKey: (UInt32) -> UInt64) {
        guard let key = Self.indexKey(for: record) else {
            unindexed.insert(slot, orderKey: orderKey)
            return
        }
        let change = table.modifyList(forKey: key) { $0.insert(slot, orderKey: orderKey) }
        noteKeyCountChange(change, kind: Int(key >> 32))
    }

    /// Removes `slot`, filed under `record` (the record as it was when inserted).
    mutating func remove(_ slot: UInt32, record: CompiledRule, orderKey: (UInt32) -> UInt64) {
        guard let key = Self.indexKey(for: record) else {
            unindexed.remove(slot, orderKey: orderKey)
            return
        }
        let change = table.modifyList(forKey: key) { $0.remove(slot, orderKey: orderKey) }
        noteKeyCountChange(change, kind: Int(key >> 32))
    }

    mutating func removeAll() {
        self = RuleIndex()
    }

    /// The slots whose rules have the same match fields and action as `record`, in evaluation
    /// order. Such rules are always filed under the same key, so this is one probe.
    func slots(withSameMatchAs record: CompiledRule, records: [CompiledRule]) -> [UInt32] {
        let list: CandidateList
        if let key = Self.indexKey(for: record) {
            guard let found = table.list(forKey: key) else { return [] }
            list = found
        } else {
            list = unindexed
        }
        return list.slots.filter { records[Int($0)].hasSameMatch(as: record) }
    }

    /// The slot of the first rule in evaluation order that matches `packet`, or nil.
    func firstMatch(_ packet: FiveTuple, now: Int64, records: [CompiledRule]) -> UInt32? {
        records.withUnsafeBufferPointer { records in
            var search = FirstMatchSearch(packet: packet, now: now, records: records)
            var kinds = populatedKinds
            if packet.proto == .icmp {
                // Rules filed under a port have ports, and ports never match ICMP.
                kinds &= ~(1 << UInt32(Self.destinationPortKind) | 1 << UInt32(Self.sourcePortKind))
            }
            while kinds != 0 {
                let kind = kinds.trailingZeroBitCount
                kinds &= kinds - 1
                let value: UInt32
                if kind < Self.destinationKindBase {
                    value = packet.source.value & Self.classMasks[kind]
                } else if kind < Self.destinationPortKind {
                    value = packet.destination.value & Self.classMasks[kind - Self.destinationKindBase]
                } else if kind == Self.destinationPortKind {
                    value = UInt32(packet.destinationPort)
                } else {
                    value = UInt32(packet.sourcePort)
                }
                if let bucket = table.bucket(of: UInt64(kind) << 32 | UInt64(value)) {
                    table.withList(inBucket: bucket) { search.scan($0) }
                }
            }
            search.scan(unindexed)
            return search.bestSlot == CandidateList.noSlot ? nil : search.bestSlot
        }
    }

    /// Files a rule under its most selective field: an exact address first, then a network of
    /// /16 or longer, then a single destination or source port, then any shorter network.
    private static func indexKey(for record: CompiledRule) -> UInt64? {
        let sourceLength = record.sourcePrefixLength
        let destinationLength = record.destinationPrefixLength
        func addressKey(source: Bool) -> UInt64 {
            let length = source ? sourceLength : destinationLength
            let network = source ? record.sourceNetwork : record.destinationNetwork
            let classIndex = classLengths.firstIndex { $0 <= length }!
            let kind = source ? classIndex : destinationKindBase + classIndex
            return UInt64(kind) << 32 | UInt64(network & classMasks[classIndex])
        }
        if sourceLength == 32 { return addressKey(source: true) }
        if destinationLength == 32 { return addressKey(source: false) }
        let longer = max(sourceLength, destinationLength)
        if longer >= 16 { return addressKey(source: sourceLength >= destinationLength) }
        if let port = record.singleDestinationPort { return UInt64(destinationPortKind) << 32 | UInt64(port) }
        if let port = record.singleSourcePort { return UInt64(sourcePortKind) << 32 | UInt64(port) }
        if longer >= 1 { return addressKey(source: sourceLength >= destinationLength) }
        return nil
    }

    private mutating func noteKeyCountChange(_ change: Int, kind: Int) {
        guard change != 0 else { return }
        keysPerKind[kind] += change
        if keysPerKind[kind] == 0 {
            populatedKinds &= ~(1 << UInt32(kind))
        } else {
            populatedKinds |= 1 << UInt32(kind)
        }
    }
}

/// One decision's running best across candidate lists: each list is in evaluation order, so a
/// list's scan stops at its first match or at the first rule later than the best so far.
private struct FirstMatchSearch {
    let packet: FiveTuple
    let now: Int64
    let protocolBit: UInt8
    let records: UnsafeBufferPointer<CompiledRule>
    var bestKey = UInt64.max
    var bestSlot = CandidateList.noSlot

    init(packet: FiveTuple, now: Int64, records: UnsafeBufferPointer<CompiledRule>) {
        self.packet = packet
        self.now = now
        self.protocolBit = CompiledRule.protocolBit(packet.proto)
        self.records = records
    }

    @inline(__always)
    mutating func scan(_ list: borrowing CandidateList) {
        guard !list.isEmpty else { return }
        if consider(list.head) { return }
        for slot in list.tail where consider(slot) { return }
    }

    /// Tests one candidate; true when the scan of its list can stop.
    @inline(__always)
    private mutating func consider(_ slot: UInt32) -> Bool {
        let record = records[Int(slot)]
        guard record.orderKey < bestKey else { return true }
        guard record.matches(packet, protocolBit: protocolBit, now: now) else { return false }
        bestKey = record.orderKey
        bestSlot = slot
        return true
    }
}
