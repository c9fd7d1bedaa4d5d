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

    /// Sizes the table for `keys` keys without growing on the way (a bulk build).
    mutating func reserveCapacity(_ keys: Int) {
        while keys * 2 > storage.capacity { grow() }
    }

    @inline(__always)
    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// A lookup begun: the key, its home bucket and the key found there.
    struct Probe {
        var key: UInt64
        var bucket: Int
        var found: UInt64
    }

    /// Starts looking up `key` by loading its home bucket. A decision starts all its lookups
    /// before it finishes any, so that their cache misses overlap instead of queueing one after
    /// another behind each lookup's branches.
    @inline(__always)
    func startProbe(_ key: UInt64) -> Probe {
        let bucket = home(of: key)
        return Probe(key: key, bucket: bucket, found: storage.buckets[bucket].key)
    }

    /// The bucket `probe`'s key is in, or nil. The pointer is valid until the table is next
    /// mutated.
    @inline(__always)
    func finishProbe(_ probe: Probe) -> UnsafePointer<CandidateBucket>? {
        let buckets = storage.buckets
        let mask = storage.capacity &- 1
        var index = probe.bucket
        var found = probe.found
        while true {
            if found == probe.key { return UnsafePointer(buckets + index) }
            if found == Self.vacant { return nil }
            index = (index &+ 1) & mask
            found = buckets[index].key
        }
    }

    /// A lookup for the batched search, with the keys of its home bucket and the one after it,
    /// where linear probing looks next. Most of a decision's lookups are of keys the table lacks
    /// (the filters only say that some key of the kind is near), and such a lookup reads on
    /// from its home bucket until a vacant one, each bucket a separate cache line: read one at
    /// a time, a chain of dependent misses. Loading two buckets up front covers most lookups
    /// (the table is at most half full); loading more cost more line fetches than it saved.
    struct WideProbe {
        var key: UInt64
        var bucket: Int
        var found: UInt64
        var next: UInt64
    }

    /// A lookup of `key` not yet begun: its home bucket is known but not read (`load` reads it).
    @inline(__always)
    func locate(_ key: UInt64) -> WideProbe {
        WideProbe(key: key, bucket: home(of: key), found: Self.vacant, next: Self.vacant)
    }

    /// Begins every lookup of `probes` (from `locate`) by loading the keys of its home bucket and
    /// the one after, in a loop of a few instructions per bucket, so that the loads of many
    /// lookups are in flight at once: the batched search's way of overlapping the cache misses
    /// of many packets.
    @inline(__always)
    func load(_ probes: UnsafeMutableBufferPointer<WideProbe>) {
        let buckets = storage.buckets
        let mask = storage.capacity &- 1
        for index in probes.indices {
            let home = probes[index].bucket
            probes[index].found = buckets[home].key
            probes[index].next = buckets[(home &+ 1) & mask].key
        }
    }

    /// `finishProbe` for a probe `load` began.
    @inline(__always)
    func finishProbe(_ wide: WideProbe) -> UnsafePointer<CandidateBucket>? {
        if wide.found == wide.key { return UnsafePointer(storage.buckets + wide.bucket) }
        if wide.found == Self.vacant { return nil }
        return finishProbe(Probe(key: wide.key, bucket: (wide.bucket &+ 1) & (storage.capacity &- 1), found: wide.next))
    }

    /// The bucket for `key`, or nil (the pointer is valid until the table is next mutated).
    @inline(__always)
    func bucket(forKey key: UInt64) -> UnsafePointer<CandidateBucket>? {
        finishProbe(startProbe(key))
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
        while storage.buckets[index].key != Self.vacant { index = (index + 1) & mask }
        storage.buckets[index] = bucket
        count += 1
    }

    private mutating func removeBucket(_ removed: Int) {
        let buckets = storage.buckets
        let mask = storage.capacity - 1
        var hole = removed
        var next = removed
        buckets[hole] = BucketStorage.vacantBucket
        count -= 1
        // Backward shift: pull later buckets of the probe run into the hole when their home
        // is at or before it (cyclically), so no lookup ever stops early at the new vacancy.
        while true {
            next = (next + 1) & mask
            let key = buckets[next].key
            if key == Self.vacant { return }
            let wanted = home(of: key)
            if (hole - wanted) & mask < (next - wanted) & mask {
                buckets[hole] = buckets[next]
                buckets[next] = BucketStorage.vacantBucket
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
            var index = home(of: old.buckets[oldIndex].key)
            while storage.buckets[index].key != Self.vacant { index = (index + 1) & mask }
            storage.buckets[index] = old.buckets[oldIndex]
        }
    }
}
