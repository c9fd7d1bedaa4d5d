import Glibc

/// The memory behind a `CandidateTable`: `capacity` buckets, 64-byte aligned so that a bucket is
/// exactly one cache line, and, once the table is 2 MiB or more, 2 MiB aligned and advised for
/// transparent huge pages (socd's hosts run THP in `madvise` mode). A large rule set's table is
/// probed at random on every decision, and with 4 KiB pages nearly every probe is also a TLB
/// miss; with 2 MiB pages the whole table fits in a few dozen TLB entries.
///
/// Beside the buckets, one tag byte per bucket (`tags`): 0 for a vacant bucket, otherwise seven
/// bits of the key's hash with the top bit set. A lookup reads eight tags at once, and a bucket
/// only where a tag agrees, so a lookup of a key the table lacks, the common case, touches no
/// bucket at all. The first `tagWord - 1` tags are repeated after the last, so that the eight
/// tags from any bucket on are one unaligned load; and one more bucket than `capacity`, always
/// vacant (the `sentinel`), stands in for "absent" so a lookup can load and test a bucket
/// without a branch on whether it found one.
///
/// `@unchecked Sendable`: the buckets are only written through a `CandidateTable` that holds the
/// sole reference (it copies before writing when shared), so no two threads ever see a write.
final class BucketStorage: @unchecked Sendable {
    private static let hugePage = 2 << 20
    /// A bucket no key occupies.
    static let vacantBucket = CandidateBucket(
        key: CandidateTable.vacant, slot: CandidateList.noSlot, record: .vacant, hasTail: false)

    /// Tags a lookup reads at once.
    static let tagWord = 8

    let capacity: Int
    let buckets: UnsafeMutablePointer<CandidateBucket>
    let tags: UnsafeMutablePointer<UInt8>

    /// The always vacant bucket after the last, whose `matches` is false for every packet.
    var sentinel: UnsafePointer<CandidateBucket> { UnsafePointer(buckets + capacity) }

    /// `capacity` vacant buckets.
    init(capacity: Int) {
        self.capacity = capacity
        buckets = Self.allocate(capacity)
        buckets.initialize(repeating: Self.vacantBucket, count: capacity + 1)
        tags = .allocate(capacity: capacity + Self.tagWord)
        tags.initialize(repeating: 0, count: capacity + Self.tagWord)
    }

    /// A copy of `other`, for copy-on-write.
    init(copying other: BucketStorage) {
        capacity = other.capacity
        buckets = Self.allocate(capacity)
        buckets.initialize(from: other.buckets, count: capacity + 1)
        tags = .allocate(capacity: capacity + Self.tagWord)
        tags.initialize(from: other.tags, count: capacity + Self.tagWord)
    }

    deinit {
        // Buckets are plain data: nothing to deinitialize.
        free(buckets)
        tags.deallocate()
    }

    /// Puts `bucket`, whose key's tag is `tag`, at `index`.
    @inline(__always)
    func store(_ bucket: CandidateBucket, tag: UInt8, at index: Int) {
        buckets[index] = bucket
        tags[index] = tag
        if index < Self.tagWord - 1 { tags[capacity + index] = tag }
    }

    /// The eight tags from `index` on (the first in the lowest byte).
    @inline(__always)
    func tagWord(at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(tags + index).loadUnaligned(as: UInt64.self))
    }

    /// Moves the bucket at `source` to the vacant `destination`, leaving `source` vacant.
    func move(from source: Int, to destination: Int) {
        store(buckets[source], tag: tags[source], at: destination)
        vacate(source)
    }

    func vacate(_ index: Int) {
        store(Self.vacantBucket, tag: 0, at: index)
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<CandidateBucket> {
        let bytes = (capacity + 1) * MemoryLayout<CandidateBucket>.stride
        let huge = bytes >= hugePage
        var memory: UnsafeMutableRawPointer?
        let status = posix_memalign(&memory, huge ? hugePage : 64, bytes)
        guard status == 0, let memory else {
            fatalError("cannot allocate \(bytes) bytes of candidate table: \(status)")
        }
        // Advice only: without THP the table works the same on 4 KiB pages. Given before the
        // first touch, so the pages are huge from their first fault.
        if huge { _ = madvise(memory, bytes, Int32(MADV_HUGEPAGE)) }
        return memory.bindMemory(to: CandidateBucket.self, capacity: capacity + 1)
    }
}
