/// An open-addressing hash map from a 64-bit index key to a `CandidateList`: linear probing,
/// multiplicative hashing, deletion by backward shift (no tombstones, so lookups stay short
/// however many rules come and go). A decision probes it a handful of times, which is why it
/// is not a `Dictionary`: SipHash and resilient indexing cost more than the rest of a probe.
struct CandidateTable: Sendable {
    /// Never a real key: kinds stop well below 0xFFFF_FFFF in the high half (see `RuleIndex`).
    private static let vacant = UInt64.max

    private var keys: [UInt64]
    private var lists: [CandidateList]
    /// `64 - log2(capacity)`: the hash is the top bits of the product.
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = Array(repeating: Self.vacant, count: 16)
        lists = Array(repeating: CandidateList(), count: 16)
        shift = 60
    }

    private var bucketMask: Int { keys.count - 1 }

    @inline(__always)
    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The bucket holding `key`, or nil.
    @inline(__always)
    func bucket(of key: UInt64) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            var bucket = home(of: key)
            while true {
                let found = keys[bucket]
                if found == key { return bucket }
                if found == Self.vacant { return nil }
                bucket = (bucket + 1) & (keys.count - 1)
            }
        }
    }

    /// The list in an occupied bucket; read-only access for the decision path.
    @inline(__always)
    func withList<Result>(inBucket bucket: Int, _ body: (borrowing CandidateList) -> Result) -> Result {
        lists.withUnsafeBufferPointer { body($0[bucket]) }
    }

    func list(forKey key: UInt64) -> CandidateList? {
        bucket(of: key).map { lists[$0] }
    }

    /// Runs `body` on the list for `key`, creating it if absent and deleting it if `body` leaves
    /// it empty. Returns whether the key went from absent to present (+1), present to absent
    /// (-1), or neither (0), which `RuleIndex` uses to track which kinds are populated.
    @discardableResult
    mutating func modifyList(forKey key: UInt64, _ body: (inout CandidateList) -> Void) -> Int {
        precondition(key != Self.vacant, "the vacant marker cannot be a key")
        if let bucket = bucket(of: key) {
            body(&lists[bucket])
            guard lists[bucket].isEmpty else { return 0 }
            removeBucket(bucket)
            return -1
        }
        var list = CandidateList()
        body(&list)
        guard !list.isEmpty else { return 0 }
        if (count + 1) * 2 > keys.count { grow() }
        var bucket = home(of: key)
        while keys[bucket] != Self.vacant { bucket = (bucket + 1) & bucketMask }
        keys[bucket] = key
        lists[bucket] = list
        count += 1
        return 1
    }

    mutating func removeAll() {
        self = CandidateTable()
    }

    private mutating func removeBucket(_ removed: Int) {
        var hole = removed
        var next = removed
        keys[hole] = Self.vacant
        lists[hole] = CandidateList()
        count -= 1
        // Backward shift: pull later entries of the probe run into the hole when their home
        // is at or before it (cyclically), so no lookup ever stops early at the new vacancy.
        while true {
            next = (next + 1) & bucketMask
            let key = keys[next]
            if key == Self.vacant { return }
            let wanted = home(of: key)
            let distanceToHole = (hole - wanted) & bucketMask
            let distanceToNext = (next - wanted) & bucketMask
            if distanceToHole < distanceToNext {
                keys[hole] = key
                lists[hole] = lists[next]
                keys[next] = Self.vacant
                lists[next] = CandidateList()
                hole = next
            }
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldLists = lists
        keys = Array(repeating: Self.vacant, count: oldKeys.count * 2)
        lists = Array(repeating: CandidateList(), count: oldKeys.count * 2)
        shift -= 1
        for (key, list) in zip(oldKeys, oldLists) where key != Self.vacant {
            var bucket = home(of: key)
            while keys[bucket] != Self.vacant { bucket = (bucket + 1) & bucketMask }
            keys[bucket] = key
            lists[bucket] = list
        }
    }
}
