/// Evaluation order of the rules: a list of slots, each with an order key that increases along
/// the list. The matcher compares order keys (which never change when other rules come and go),
/// and users see positions (dense 1...n), which this type derives on demand.
///
/// Keys are spaced 2^32 apart when appended, and an insert takes the midpoint of its
/// neighbours. When two neighbours have no key between them, the smallest surrounding window
/// with room is relabelled evenly (order-maintenance style), so an insert rewrites a few keys,
/// not all of them. The list itself is chunked (at most `maximumChunk` entries per chunk, with
/// each chunk's starting index cached), so inserting or deleting at a position moves at most one
/// chunk's entries instead of the whole array.
struct RuleOrder: Sendable {
    /// Appended keys are this far apart: 2^32 appends fit, and 32 inserts fit into any gap.
    static let spacing: UInt64 = 1 << 32
    /// A relabelled window leaves at least this gap between keys.
    static let minimumGap: UInt64 = 1 << 20
    static let maximumChunk = 1024

    /// An order key that changed because of a relabel.
    struct Relabel: Equatable {
        var slot: UInt32
        var key: UInt64
    }

    private struct Chunk {
        var keys: [UInt64] = []
        var slots: [UInt32] = []
        var count: Int { keys.count }
    }

    private var chunks: [Chunk] = []
    /// `starts[c]` is the list index of `chunks[c]`'s first entry.
    private var starts: [Int] = []
    private(set) var count = 0

    var lastKey: UInt64? { chunks.last?.keys.last }

    init() {}

    /// `slots` in the order given, with the keys appending them one by one would assign
    /// (`spacing`, `2 * spacing`, ...), built in one pass. Chunks are half full, as splits leave
    /// them, so that later inserts have room.
    init(appending slots: [UInt32]) {
        let chunkSize = Self.maximumChunk / 2
        chunks.reserveCapacity((slots.count + chunkSize - 1) / chunkSize)
        starts.reserveCapacity(chunks.capacity)
        var start = 0
        while start < slots.count {
            let end = min(start + chunkSize, slots.count)
            let keys = (start..<end).map { UInt64($0 + 1) * Self.spacing }
            chunks.append(Chunk(keys: keys, slots: Array(slots[start..<end])))
            starts.append(start)
            start = end
        }
        count = slots.count
    }

    /// The key `init(appending:)` gives entry `index`.
    static func appendedKey(at index: Int) -> UInt64 { UInt64(index + 1) * spacing }

    func slot(at index: Int) -> UInt32 {
        let (chunk, offset) = locate(index)
        return chunks[chunk].slots[offset]
    }

    func key(at index: Int) -> UInt64 {
        let (chunk, offset) = locate(index)
        return chunks[chunk].keys[offset]
    }

    /// The list index of the entry with `key`, or nil. O(log n).
    func index(ofKey key: UInt64) -> Int? {
        var low = 0
        var high = chunks.count
        while low < high {
            let middle = (low + high) / 2
            if chunks[middle].keys.last! < key { low = middle + 1 } else { high = middle }
        }
        guard low < chunks.count else { return nil }
        let keys = chunks[low].keys
        var first = 0
        var last = keys.count
        while first < last {
            let middle = (first + last) / 2
            if keys[middle] < key { first = middle + 1 } else { last = middle }
        }
        return first < keys.count && keys[first] == key ? starts[low] + first : nil
    }

    /// Calls `body` with each slot in order from `index`, until it returns false.
    func forEachSlot(from index: Int = 0, _ body: (UInt32) throws -> Bool) rethrows {
        guard index < count else { return }
        var (chunk, offset) = locate(index)
        while chunk < chunks.count {
            for slot in chunks[chunk].slots[offset...] {
                guard try body(slot) else { return }
            }
            chunk += 1
            offset = 0
        }
    }

    /// Inserts `slot` so that it becomes entry `index` (0...count).
    /// - Returns: the slot's key and the keys of other slots that a relabel changed (usually
    ///   none); the caller must update its copies of those keys.
    mutating func insert(_ slot: UInt32, at index: Int) -> (key: UInt64, relabels: [Relabel]) {
        precondition(index >= 0 && index <= count, "order index \(index) outside 0...\(count)")
        let left = index > 0 ? key(at: index - 1) : nil
        let right = index < count ? key(at: index) : nil
        let fresh: UInt64?
        switch (left, right) {
        case (nil, nil): fresh = Self.spacing
        case (let left?, nil): fresh = left <= UInt64.max - Self.spacing ? left + Self.spacing : nil
        case (nil, let right?): fresh = right > Self.spacing ? right - Self.spacing : (right >= 2 ? right / 2 : nil)
        case (let left?, let right?): fresh = right - left >= 2 ? left + (right - left) / 2 : nil
        }
        place(slot, key: fresh ?? 0, at: index)
        if let fresh { return (fresh, []) }
        var relabels = relabel(around: index)
        let own = relabels.firstIndex { $0.slot == slot }!
        let key = relabels.remove(at: own).key
        return (key, relabels)
    }

    /// Removes entry `index` and returns its slot.
    @discardableResult
    mutating func remove(at index: Int) -> UInt32 {
        precondition(index >= 0 && index < count, "order index \(index) outside 0..<\(count)")
        let (chunk, offset) = locate(index)
        chunks[chunk].keys.remove(at: offset)
        let slot = chunks[chunk].slots.remove(at: offset)
        count -= 1
        if chunks[chunk].count == 0 {
            chunks.remove(at: chunk)
            starts.remove(at: chunk)
        }
        if chunks.count > count / (Self.maximumChunk / 4) + 4 {
            rechunk()
        } else {
            recomputeStarts(from: chunk)
        }
        return slot
    }

    mutating func removeAll() {
        self = RuleOrder()
    }

    private mutating func place(_ slot: UInt32, key: UInt64, at index: Int) {
        if chunks.isEmpty {
            chunks.append(Chunk())
            starts.append(0)
        }
        let (chunk, offset) = index == count ? (chunks.count - 1, chunks[chunks.count - 1].count) : locate(index)
        chunks[chunk].keys.insert(key, at: offset)
        chunks[chunk].slots.insert(slot, at: offset)
        count += 1
        if chunks[chunk].count > Self.maximumChunk {
            let half = chunks[chunk].count / 2
            let upper = Chunk(keys: Array(chunks[chunk].keys[half...]), slots: Array(chunks[chunk].slots[half...]))
            chunks[chunk].keys.removeSubrange(half...)
            chunks[chunk].slots.removeSubrange(half...)
            chunks.insert(upper, at: chunk + 1)
            starts.insert(0, at: chunk + 1)
        }
        recomputeStarts(from: chunk)
    }

    /// Spreads keys evenly over the smallest window around `index` (doubling) that leaves
    /// `minimumGap` between keys; a window reaching the end may use fresh keys beyond it.
    private mutating func relabel(around index: Int) -> [Relabel] {
        var width = 1
        while true {
            let low = max(0, index - width)
            let high = min(count - 1, index + width)
            let entries = UInt64(high - low + 1)
            let lower: UInt64 = low > 0 ? key(at: low - 1) : 0
            if high == count - 1 {
                if entries <= (UInt64.max - lower) / Self.spacing {
                    return assignKeys(low...high, first: lower + Self.spacing, step: Self.spacing)
                }
                if low == 0 {
                    let step = UInt64.max / (entries + 1)
                    return assignKeys(low...high, first: step, step: step)
                }
            } else {
                let gap = (key(at: high + 1) - lower) / (entries + 1)
                if gap >= Self.minimumGap {
                    return assignKeys(low...high, first: lower + gap, step: gap)
                }
            }
            width *= 2
        }
    }

    private mutating func assignKeys(_ indices: ClosedRange<Int>, first: UInt64, step: UInt64) -> [Relabel] {
        var relabels: [Relabel] = []
        relabels.reserveCapacity(indices.count)
        var (chunk, offset) = locate(indices.lowerBound)
        var key = first
        for _ in indices {
            if offset == chunks[chunk].count {
                chunk += 1
                offset = 0
            }
            chunks[chunk].keys[offset] = key
            relabels.append(Relabel(slot: chunks[chunk].slots[offset], key: key))
            key &+= step
            offset += 1
        }
        return relabels
    }

    /// The chunk holding list index `index` (< count) and the offset inside it.
    private func locate(_ index: Int) -> (chunk: Int, offset: Int) {
        precondition(index >= 0 && index < count, "order index \(index) outside 0..<\(count)")
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low, index - starts[low])
    }

    private mutating func recomputeStarts(from chunk: Int) {
        guard chunk < chunks.count else { return }
        var start = chunk == 0 ? 0 : starts[chunk - 1] + chunks[chunk - 1].count
        for index in chunk..<chunks.count {
            starts[index] = start
            start += chunks[index].count
        }
    }

    /// Rebuilds half-full chunks after many deletions left a trail of small ones.
    private mutating func rechunk() {
        var rebuilt: [Chunk] = []
        var current = Chunk()
        for chunk in chunks {
            for (key, slot) in zip(chunk.keys, chunk.slots) {
                current.keys.append(key)
                current.slots.append(slot)
                if current.count == Self.maximumChunk / 2 {
                    rebuilt.append(current)
                    current = Chunk()
                }
            }
        }
        if current.count > 0 { rebuilt.append(current) }
        chunks = rebuilt
        starts = Array(repeating: 0, count: rebuilt.count)
        recomputeStarts(from: 0)
    }
}
