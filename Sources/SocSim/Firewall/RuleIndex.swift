/// The compiled matcher's index: every rule is filed under exactly one key taken from its most
/// selective field, and a decision probes only the keys a packet could match, so its cost
/// depends on how many rules share the packet's addresses and ports, not on how many rules
/// there are.
///
/// Keys are `kind << 32 | value`: kinds 0-31 are source networks of length 1-32 (value: the
/// network), 32-63 destination networks, 64 a destination port, 65 a source port. Filters in
/// front of the table (`PrefixLengthFilter`, `PortFilter`) say which of those keys can exist
/// for a packet, so most of the table is never touched.
///
/// Rules that are wildcards on every indexed field (ANY addresses, ports ANY or a range) go to
/// the `unindexed` list, scanned on every decision: the one place where cost grows with rules.
struct RuleIndex: Sendable {
    private static let destinationKindBase: UInt64 = 32
    private static let destinationPortKind: UInt64 = 64
    private static let sourcePortKind: UInt64 = 65
    /// `masks[length - 1]` is the netmask of `length`.
    private static let masks: [UInt32] = (1...32).map { IPv4CIDR.mask($0) }

    // Internal, not private, for the batched search in `RuleIndex+Batched.swift`.
    var table = CandidateTable()
    var unindexed = CandidateList()
    var sourceLengths = PrefixLengthFilter()
    var destinationLengths = PrefixLengthFilter()
    private var destinationPorts = PortFilter()
    private var sourcePorts = PortFilter()

    /// Number of rules only a scan can find (for benchmarks and diagnostics).
    var unindexedCount: Int { unindexed.count }

    /// The rule that decided a packet, with the fields a decision reports, read from wherever
    /// the matcher found it (usually the table bucket) so the caller need not load its record.
    struct FirstMatch {
        var slot: UInt32
        var id: Int64
        var action: RuleAction
    }

    /// Files `slot`, whose record is `record(slot)`; `record` gives any slot's current record.
    mutating func insert(_ slot: UInt32, record: (UInt32) -> CompiledRule) {
        guard let key = Self.indexKey(for: record(slot)) else {
            unindexed.insert(slot) { record($0).orderKey }
            return
        }
        if table.insert(slot, forKey: key, record: record) { keyAppeared(key) }
    }

    /// Files `slot` after every rule already filed: the bulk build's insert, which files rules
    /// in evaluation order and so never compares order keys.
    mutating func append(_ slot: UInt32, record: CompiledRule) {
        guard let key = Self.indexKey(for: record) else {
            unindexed.append(slot)
            return
        }
        if table.append(slot, forKey: key, record: record) { keyAppeared(key) }
    }

    /// Sizes the table for about `keys` distinct keys.
    mutating func reserveCapacity(_ keys: Int) {
        table.reserveCapacity(keys)
    }

    /// Removes `slot`, whose record `record(slot)` is still the one it was filed with.
    mutating func remove(_ slot: UInt32, record: (UInt32) -> CompiledRule) {
        guard let key = Self.indexKey(for: record(slot)) else {
            unindexed.remove(slot) { record($0).orderKey }
            return
        }
        if table.remove(slot, forKey: key, record: record) { keyDisappeared(key) }
    }

    /// Takes note that `slot`'s order key changed to `record.orderKey` in a relabel (which keeps
    /// relative order): the table's inline copy of a head rule must follow.
    mutating func orderKeyChanged(_ slot: UInt32, record: CompiledRule) {
        guard let key = Self.indexKey(for: record) else { return }
        table.refreshOrderKey(slot, forKey: key, record: record)
    }

    mutating func removeAll() {
        self = RuleIndex()
    }

    /// The slots whose rules have the same match fields and action as `record`, in evaluation
    /// order. Such rules are always filed under the same key, so this is one probe.
    func slots(withSameMatchAs record: CompiledRule, records: [CompiledRule]) -> [UInt32] {
        let slots = Self.indexKey(for: record).map(table.slots(forKey:)) ?? unindexed.slots
        return slots.filter { records[Int($0)].hasSameMatch(as: record) }
    }

    /// How many probes the two-pass search holds (on the stack: `withUnsafeTemporaryAllocation`
    /// stays off the heap below 1 KiB); a packet that could probe more keys, which takes more
    /// than 30 prefix lengths in play around its addresses, is searched one probe at a time.
    static let batchedProbes = 32

    /// The first rule in evaluation order that matches `packet`, or nil.
    ///
    /// Two passes: the first works out every key the filters allow and loads each key's home
    /// bucket, the second tests what those buckets hold. A decision at 100,000 rules and more is
    /// mostly waiting for those cold buckets, and this way its second and later probes do not
    /// wait for the first to be resolved.
    func firstMatch(_ packet: FiveTuple, now: Int64, records: [CompiledRule]) -> FirstMatch? {
        let source = packet.source.value
        let destination = packet.destination.value
        let sourceLengths = sourceLengths.lengths(covering: source)
        let destinationLengths = destinationLengths.lengths(covering: destination)
        let probesAtMost = sourceLengths.nonzeroBitCount + destinationLengths.nonzeroBitCount + 2
        guard probesAtMost <= Self.batchedProbes else {
            return firstMatchOneProbeAtATime(packet, now: now, records: records)
        }
        return withUnsafeTemporaryAllocation(of: CandidateTable.Probe.self, capacity: Self.batchedProbes) { probes in
            var count = 0
            forEachKey(packet, sourceLengths: sourceLengths, destinationLengths: destinationLengths) { key in
                probes[count] = table.startProbe(key)
                count &+= 1
            }
            return records.withUnsafeBufferPointer { records in
                var search = FirstMatchSearch(packet: packet, now: now, records: records)
                for probe in probes[..<count] {
                    let bucket = table.finishProbe(probe)
                    search.consider(bucket, tail: { table.tail(forKey: probe.key) })
                }
                search.scan(unindexed)
                return search.best
            }
        }
    }

    func firstMatchOneProbeAtATime(_ packet: FiveTuple, now: Int64, records: [CompiledRule]) -> FirstMatch? {
        records.withUnsafeBufferPointer { records in
            var search = FirstMatchSearch(packet: packet, now: now, records: records)
            forEachKey(
                packet, sourceLengths: sourceLengths.lengths(covering: packet.source.value),
                destinationLengths: destinationLengths.lengths(covering: packet.destination.value)
            ) { key in
                guard let bucket = table.bucket(forKey: key) else { return }
                search.consider(bucket, tail: { table.tail(forKey: key) })
            }
            search.scan(unindexed)
            return search.best
        }
    }

    /// Calls `body` with every key `packet` could be filed under, given the prefix lengths the
    /// filters report around its addresses.
    @inline(__always)
    func forEachKey(
        _ packet: FiveTuple, sourceLengths: UInt32, destinationLengths: UInt32, _ body: (UInt64) -> Void
    ) {
        let source = packet.source.value
        var lengths = sourceLengths
        while lengths != 0 {
            let bit = lengths.trailingZeroBitCount
            lengths &= lengths - 1
            body(UInt64(bit) << 32 | UInt64(source & Self.masks[bit]))
        }
        let destination = packet.destination.value
        lengths = destinationLengths
        while lengths != 0 {
            let bit = lengths.trailingZeroBitCount
            lengths &= lengths - 1
            body((Self.destinationKindBase + UInt64(bit)) << 32 | UInt64(destination & Self.masks[bit]))
        }
        // Rules filed under a port have ports, and ports never match ICMP.
        if packet.proto != .icmp {
            if destinationPorts.contains(packet.destinationPort) {
                body(Self.destinationPortKind << 32 | UInt64(packet.destinationPort))
            }
            if sourcePorts.contains(packet.sourcePort) { body(Self.sourcePortKind << 32 | UInt64(packet.sourcePort)) }
        }
    }

    /// Files a rule under its most selective field: an exact address first, then a network of
    /// /16 or longer, then a single destination or source port, then any shorter network.
    private static func indexKey(for record: CompiledRule) -> UInt64? {
        let sourceLength = record.sourcePrefixLength
        let destinationLength = record.destinationPrefixLength
        func addressKey(source: Bool) -> UInt64 {
            source
                ? UInt64(sourceLength - 1) << 32 | UInt64(record.sourceNetwork)
                : (destinationKindBase + UInt64(destinationLength - 1)) << 32 | UInt64(record.destinationNetwork)
        }
        if sourceLength == 32 { return addressKey(source: true) }
        if destinationLength == 32 { return addressKey(source: false) }
        let longer = max(sourceLength, destinationLength)
        if longer >= 16 { return addressKey(source: sourceLength >= destinationLength) }
        if let port = record.singleDestinationPort { return destinationPortKind << 32 | UInt64(port) }
        if let port = record.singleSourcePort { return sourcePortKind << 32 | UInt64(port) }
        if longer >= 1 { return addressKey(source: sourceLength >= destinationLength) }
        return nil
    }

    private mutating func keyAppeared(_ key: UInt64) {
        let kind = key >> 32
        let value = UInt32(truncatingIfNeeded: key)
        switch kind {
        case ..<Self.destinationKindBase: sourceLengths.add(network: value, length: Int(kind) + 1)
        case ..<Self.destinationPortKind:
            destinationLengths.add(network: value, length: Int(kind - Self.destinationKindBase) + 1)
        case Self.destinationPortKind: destinationPorts.insert(UInt16(value))
        default: sourcePorts.insert(UInt16(value))
        }
    }

    private mutating func keyDisappeared(_ key: UInt64) {
        let kind = key >> 32
        let value = UInt32(truncatingIfNeeded: key)
        switch kind {
        case ..<Self.destinationKindBase: sourceLengths.remove(network: value, length: Int(kind) + 1)
        case ..<Self.destinationPortKind:
            destinationLengths.remove(network: value, length: Int(kind - Self.destinationKindBase) + 1)
        case Self.destinationPortKind: destinationPorts.remove(UInt16(value))
        default: sourcePorts.remove(UInt16(value))
        }
    }
}
