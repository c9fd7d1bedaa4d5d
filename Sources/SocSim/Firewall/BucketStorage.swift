import Glibc

/// The memory behind a `CandidateTable`: `capacity` buckets, 64-byte aligned so that a bucket is
/// exactly one cache line, and, once the table is 2 MiB or more, 2 MiB aligned and advised for
/// transparent huge pages (socd's hosts run THP in `madvise` mode). A large rule set's table is
/// probed at random on every decision, and with 4 KiB pages nearly every probe is also a TLB
/// miss; with 2 MiB pages the whole table fits in a few dozen TLB entries.
///
/// `@unchecked Sendable`: the buckets are only written through a `CandidateTable` that holds the
/// sole reference (it copies before writing when shared), so no two threads ever see a write.
final class BucketStorage: @unchecked Sendable {
    private static let hugePage = 2 << 20
    /// A bucket no key occupies.
    static let vacantBucket = CandidateBucket(
        key: CandidateTable.vacant, slot: CandidateList.noSlot, record: .vacant, hasTail: false)

    let capacity: Int
    let buckets: UnsafeMutablePointer<CandidateBucket>

    /// `capacity` vacant buckets.
    init(capacity: Int) {
        self.capacity = capacity
        buckets = Self.allocate(capacity)
        buckets.initialize(repeating: Self.vacantBucket, count: capacity)
    }

    /// A copy of `other`, for copy-on-write.
    init(copying other: BucketStorage) {
        capacity = other.capacity
        buckets = Self.allocate(capacity)
        buckets.initialize(from: other.buckets, count: capacity)
    }

    deinit {
        // Buckets are plain data: nothing to deinitialize.
        free(buckets)
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<CandidateBucket> {
        let bytes = capacity * MemoryLayout<CandidateBucket>.stride
        let huge = bytes >= hugePage
        var memory: UnsafeMutableRawPointer?
        let status = posix_memalign(&memory, huge ? hugePage : 64, bytes)
        guard status == 0, let memory else {
            fatalError("cannot allocate \(bytes) bytes of candidate table: \(status)")
        }
        // Advice only: without THP the table works the same on 4 KiB pages. Given before the
        // first touch, so the pages are huge from their first fault.
        if huge { _ = madvise(memory, bytes, Int32(MADV_HUGEPAGE)) }
        return memory.bindMemory(to: CandidateBucket.self, capacity: capacity)
    }
}
