import CSocPrefetch

/// An open-addressing hash table from a 64-bit index key to the rules filed under it: linear
/// probing, multiplicative hashing, deletion by backward shift (no tombstones, so lookups stay
/// short however many rules come and go).
///
/// Each 64-byte bucket carries the key's head rule (the earliest in evaluation order) inline
/// (`CandidateBucket`), so the common decision, a packet aimed at a key holding one rule, reads
/// one cache line and no `CompiledRule`. The rules after the head, for the few keys with more
/// than one, are kept in `tails` in evaluation order. A decision probes the table a few times,
/// which is why it is not a `Dictionary`: SipHash and its indexing cost more than a probe.
///
/// The inline copies must follow their records: every change to a filed rule goes through
/// `remove` and `insert`, and an order-key relabel through `refreshOrderKey`.
struct CandidateTable: Sendable {
    /// Never a real key: index kinds stay far below 0xFFFF_FFFF in the high half.
    static let vacant = UInt64.max

    private var storage = BucketStorage(capacity: 16)
    /// The rules after the head of each key that has more than one, in evaluation order.
    private var tails: [UInt64: CandidateList] = [:]
    /// `64 - log2(capacity)`: the hash is the top bits of the product.
    private var shift: UInt64 = 60
    private(set) var count = 0

    /// Bytes of the buckets (tags and tails not counted).
    var bucketBytes: Int { storage.capacity * MemoryLayout<CandidateBucket>.stride }

    /// Sizes the table for `keys` keys without growing on the way (a bulk build).
    mutating func reserveCapacity(_ keys: Int) {
        while keys * 2 > storage.capacity { grow() }
    }

    @inline(__always)
    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The tag byte of `key` (see `BucketStorage`): the seven hash bits below those `home`
    /// takes, so keys sharing a home bucket mostly differ in it, with the top bit set.
    @inline(__always)
    private func tag(of key: UInt64) -> UInt8 {
        UInt8(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (shift &- 7)) | 0x80
    }

    /// A lookup of `key`: where it stands (`position`: its home bucket after `locate`, then,
    /// after `narrow` or `startProbe`, the first bucket whose tag agrees, or `capacity`, the
    /// sentinel, when a vacant tag came first and the key is absent) and, once read, the key held
    /// there (`found`).
    struct Probe {
        var key: UInt64
        var tag: UInt8
        var position: Int
        var found: UInt64
    }

    /// A lookup of `key` not yet begun: its home bucket and tag are worked out, nothing is read.
    @inline(__always)
    func locate(_ key: UInt64) -> Probe {
        Probe(key: key, tag: tag(of: key), position: home(of: key), found: Self.vacant)
    }

    /// Starts loading the tags a located `probe` will read (a hint: nothing waits for it).
    @inline(__always)
    func prefetchTags(of probe: Probe) {
        CSocPrefetch_read(storage.tags + probe.position)
    }

    /// Moves a located `probe` to the first bucket from its home whose tag agrees, or to the
    /// sentinel when a vacant tag comes first, and starts loading that bucket (a hint). Reads the
    /// home tags, which `prefetchTags` should have asked for a while before; no bucket.
    ///
    /// The sentinel is asked for too (it is always cached): a branch on whether the key is
    /// present is one the processor could not predict.
    @inline(__always)
    func narrow(_ probe: inout Probe) {
        probe.position = firstAgreeingTag(probe.tag, from: probe.position, tags: storage.tagWord(at: probe.position))
        CSocPrefetch_read(storage.buckets + probe.position)
    }

    /// `finishProbe` for a probe `narrow` has moved: reads the key in its bucket, which `narrow`
    /// should have asked for a while before.
    @inline(__always)
    func finishNarrowedProbe(_ probe: Probe) -> UnsafePointer<CandidateBucket> {
        var loaded = probe
        loaded.found = storage.buckets[probe.position].key
        return finishProbe(loaded)
    }

    /// `locate`, then the tags and the bucket's key read at once, for one key.
    @inline(__always)
    func startProbe(_ key: UInt64) -> Probe {
        var probe = locate(key)
        finishLoading(&probe, homeTags: storage.tagWord(at: probe.position))
        return probe
    }

    /// Moves a located `probe` to the first bucket from its home whose tag agrees (or to the
    /// sentinel) and loads that bucket's key; `homeTags` are the tags from its home bucket on.
    @inline(__always)
    private func finishLoading(_ probe: inout Probe, homeTags: UInt64) {
        probe.position = firstAgreeingTag(probe.tag, from: probe.position, tags: homeTags)
        probe.found = storage.buckets[probe.position].key
    }

    /// The bucket a loaded `probe`'s key is in, or the sentinel (`matches` nothing) when the
    /// table lacks the key. The pointer is valid until the table is next mutated.
    @inline(__always)
    func finishProbe(_ probe: Probe) -> UnsafePointer<CandidateBucket> {
        var position = probe.position
        var found = probe.found
        let capacity = storage.capacity
        // Tags agreed, keys did not (one time in 128): look on past it.
        while _slowPath(found != probe.key && position != capacity) {
            let next = (position &+ 1) & (capacity &- 1)
            position = firstAgreeingTag(probe.tag, from: next, tags: storage.tagWord(at: next))
            found = storage.buckets[position].key
        }
        return UnsafePointer(storage.buckets + position)
    }

    /// The first bucket from `index` on whose tag is `tag`, or `capacity` (the sentinel) if a
    /// vacant one comes first; `tags` is `storage.tagWord(at: index)`.
    ///
    /// Eight tags at a time: occupied tags have their top bit set, so the vacant ones are the
    /// bytes whose top bit is clear, and a tag agrees where the byte XOR `tag` is zero (tested
    /// exactly, without the borrow of the usual zero-byte trick).
    @inline(__always)
    private func firstAgreeingTag(_ tag: UInt8, from index: Int, tags: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let vacant = ~tags & high
        let difference = tags ^ (UInt64(tag) &* 0x0101_0101_0101_0101)
        let agreeing = ~(((difference & low) &+ low) | difference) & high
        // All ones when none of the eight is vacant.
        let beforeVacant = (vacant & (0 &- vacant)) &- 1
        let candidates = agreeing & beforeVacant
        if _slowPath(candidates == 0 && vacant == 0) {
            return firstAgreeingTag(tag, after: index)
        }
        let found = (index &+ candidates.trailingZeroBitCount >> 3) & (storage.capacity &- 1)
        return candidates != 0 ? found : storage.capacity
    }

    /// `firstAgreeingTag` for a run of more than eight occupied buckets from `index`.
    private func firstAgreeingTag(_ tag: UInt8, after index: Int) -> Int {
        let next = (index + BucketStorage.tagWord) & (storage.capacity - 1)
        return firstAgreeingTag(tag, from: next, tags: storage.tagWord(at: next))
    }

    /// The bucket for `key`, or nil (the pointer is valid until the table is next mutated).
    @inline(__always)
    func bucket(forKey key: UInt64) -> UnsafePointer<CandidateBucket>? {
        let bucket = finishProbe(startProbe(key))
        return bucket == storage.sentinel ? nil : bucket
    }

    /// The rules after the head of `key`, when its bucket says it has some.
    func tail(forKey key: UInt64) -> CandidateList? { tails[key] }

    /// Every slot filed under `key`, in evaluation order (off the hot path).
    func slots(forKey key: UInt64) -> [UInt32] {
        guard let bucket = bucket(forKey: key) else { return [] }
        return [bucket.pointee.slot] + (tails[key]?.slots ?? [])
    }

    /// Files `slot` under `key` at its place in evaluation order; `record` gives any slot's
    /// current record (`slot`'s included). Returns whether the key is new.
    mutating func insert(_ slot: UInt32, forKey key: UInt64, record: (UInt32) -> CompiledRule) -> Bool {
        let new = record(slot)
        guard let index = index(of: key) else {
            addBucket(CandidateBucket(key: key, slot: slot, record: new, hasTail: false))
            return true
        }
        makeUnique()
        let bucket = storage.buckets + index
        let orderKey = { record($0).orderKey }
        let head = bucket.pointee.slot
        if new.orderKey < record(head).orderKey {
            tails[key, default: CandidateList()].insert(head, orderKey: orderKey)
            bucket.pointee = CandidateBucket(key: key, slot: slot, record: new, hasTail: true)
        } else {
            tails[key, default: CandidateList()].insert(slot, orderKey: orderKey)
            bucket.pointee.hasTail = true
        }
        return false
    }

    /// Files `slot` after every rule already under `key`: the bulk build's insert, which files
    /// rules in evaluation order. Returns whether the key is new.
    mutating func append(_ slot: UInt32, forKey key: UInt64, record: CompiledRule) -> Bool {
        guard let index = index(of: key) else {
            addBucket(CandidateBucket(key: key, slot: slot, record: record, hasTail: false))
            return true
        }
        makeUnique()
        storage.buckets[index].hasTail = true
        tails[key, default: CandidateList()].append(slot)
        return false
    }

    /// Removes `slot`, filed under `key`; when it was the head, the next rule's record is copied
    /// into the bucket. Returns whether the key is now gone.
    mutating func remove(_ slot: UInt32, forKey key: UInt64, record: (UInt32) -> CompiledRule) -> Bool {
        guard let index = index(of: key) else { preconditionFailure("no rules are filed under key \(key)") }
        makeUnique()
        let bucket = storage.buckets + index
        let orderKey = { record($0).orderKey }
        guard bucket.pointee.slot == slot else {
            guard var tail = tails.removeValue(forKey: key) else {
                preconditionFailure("slot \(slot) is not filed under key \(key)")
            }
            tail.remove(slot, orderKey: orderKey)
            if tail.isEmpty { bucket.pointee.hasTail = false } else { tails[key] = tail }
            return false
        }
        guard var tail = tails.removeValue(forKey: key) else {
            removeBucket(index)
            return true
        }
        let next = tail.head
        tail.remove(next, orderKey: orderKey)
        bucket.pointee = CandidateBucket(key: key, slot: next, record: record(next), hasTail: !tail.isEmpty)
        if !tail.isEmpty { tails[key] = tail }
        return false
    }

    /// Copies `record`'s new order key into its bucket if `slot` is the head of `key` (after a
    /// relabel, which keeps relative order, so nothing moves).
    mutating func refreshOrderKey(_ slot: UInt32, forKey key: UInt64, record: CompiledRule) {
        guard let index = index(of: key), storage.buckets[index].slot == slot else { return }
        makeUnique()
        storage.buckets[index].orderKey = record.orderKey
    }

    private func index(of key: UInt64) -> Int? {
        guard let bucket = bucket(forKey: key) else { return nil }
        return UnsafePointer(storage.buckets).distance(to: bucket)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = BucketStorage(copying: storage) }
    }

    private mutating func addBucket(_ bucket: CandidateBucket) {
        precondition(bucket.key != Self.vacant, "the vacant marker cannot be a key")
        makeUnique()
        if (count + 1) * 2 > storage.capacity { grow() }
        let mask = storage.capacity - 1
        var index = home(of: bucket.key)
        while storage.tags[index] != 0 { index = (index + 1) & mask }
        storage.store(bucket, tag: tag(of: bucket.key), at: index)
        count += 1
    }

    private mutating func removeBucket(_ removed: Int) {
        let buckets = storage.buckets
        let mask = storage.capacity - 1
        var hole = removed
        var next = removed
        storage.vacate(hole)
        count -= 1
        // Backward shift: pull later buckets of the probe run into the hole when their home
        // is at or before it (cyclically), so no lookup ever stops early at the new vacancy.
        while true {
            next = (next + 1) & mask
            let key = buckets[next].key
            if key == Self.vacant { return }
            let wanted = home(of: key)
            if (hole - wanted) & mask < (next - wanted) & mask {
                storage.move(from: next, to: hole)
                hole = next
            }
        }
    }

    private mutating func grow() {
        let old = storage
        storage = BucketStorage(capacity: old.capacity * 2)
        shift -= 1
        let mask = storage.capacity - 1
        for oldIndex in 0..<old.capacity where old.buckets[oldIndex].key != Self.vacant {
            let key = old.buckets[oldIndex].key
            var index = home(of: key)
            while storage.tags[index] != 0 { index = (index + 1) & mask }
            storage.store(old.buckets[oldIndex], tag: tag(of: key), at: index)
        }
    }
}
