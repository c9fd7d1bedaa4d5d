/// An open-addressing hash map from a 64-bit index key to a `CandidateList`: linear probing,
/// multiplicative hashing, deletion by backward shift (no tombstones, so lookups stay short
/// however many rules come and go). Key and list share one 24-byte entry so that a probe is one
/// memory access. A decision probes it a few times, which is why it is not a `Dictionary`:
/// SipHash and its indexing cost more than the rest of a probe.
struct CandidateTable: Sendable {
    struct Entry: Sendable {
        /// `vacant` in an empty bucket.
        var key: UInt64
        var list: CandidateList
    }

    /// Never a real key: index kinds stay far below 0xFFFF_FFFF in the high half.
    private static let vacant = UInt64.max

    private var entries: [Entry]
    /// `64 - log2(capacity)`: the hash is the top bits of the product.
    private var shift: UInt64
    private(set) var count = 0

    init() {
        entries = Array(repeating: Entry(key: Self.vacant, list: CandidateList()), count: 16)
        shift = 60
    }

    /// Sizes the table for `keys` keys without growing on the way (a bulk build).
    mutating func reserveCapacity(_ keys: Int) {
        while keys * 2 > entries.count { grow() }
    }

    private var bucketMask: Int { entries.count - 1 }

    @inline(__always)
    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Calls `body` with the list for `key` if there is one: the decision path's read.
    @inline(__always)
    func withList(forKey key: UInt64, _ body: (borrowing CandidateList) -> Void) {
        entries.withUnsafeBufferPointer { entries in
            let mask = entries.count - 1
            var bucket = home(of: key)
            while true {
                let found = entries[bucket].key
                if found == key { return body(entries[bucket].list) }
                if found == Self.vacant { return }
                bucket = (bucket + 1) & mask
            }
        }
    }

    func list(forKey key: UInt64) -> CandidateList? {
        bucket(of: key).map { entries[$0].list }
    }

    /// Runs `body` on the list for `key`, creating it if absent and deleting it if `body` leaves
    /// it empty. Returns whether the key went from absent to present (+1), present to absent
    /// (-1), or neither (0), which `RuleIndex` uses to keep its filters exact.
    @discardableResult
    mutating func modifyList(forKey key: UInt64, _ body: (inout CandidateList) -> Void) -> Int {
        precondition(key != Self.vacant, "the vacant marker cannot be a key")
        if let bucket = bucket(of: key) {
            body(&entries[bucket].list)
            guard entries[bucket].list.isEmpty else { return 0 }
            removeBucket(bucket)
            return -1
        }
        var list = CandidateList()
        body(&list)
        guard !list.isEmpty else { return 0 }
        if (count + 1) * 2 > entries.count { grow() }
        var bucket = home(of: key)
        while entries[bucket].key != Self.vacant { bucket = (bucket + 1) & bucketMask }
        entries[bucket] = Entry(key: key, list: list)
        count += 1
        return 1
    }

    private func bucket(of key: UInt64) -> Int? {
        var bucket = home(of: key)
        while true {
            let found = entries[bucket].key
            if found == key { return bucket }
            if found == Self.vacant { return nil }
            bucket = (bucket + 1) & bucketMask
        }
    }

    private mutating func removeBucket(_ removed: Int) {
        var hole = removed
        var next = removed
        entries[hole] = Entry(key: Self.vacant, list: CandidateList())
        count -= 1
        // Backward shift: pull later entries of the probe run into the hole when their home
        // is at or before it (cyclically), so no lookup ever stops early at the new vacancy.
        while true {
            next = (next + 1) & bucketMask
            let key = entries[next].key
            if key == Self.vacant { return }
            let wanted = home(of: key)
            if (hole - wanted) & bucketMask < (next - wanted) & bucketMask {
                entries[hole] = entries[next]
                entries[next] = Entry(key: Self.vacant, list: CandidateList())
                hole = next
            }
        }
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(key: Self.vacant, list: CandidateList()), count: old.count * 2)
        shift -= 1
        for entry in old where entry.key != Self.vacant {
            var bucket = home(of: entry.key)
            while entries[bucket].key != Self.vacant { bucket = (bucket + 1) & bucketMask }
            entries[bucket] = entry
        }
    }
}
