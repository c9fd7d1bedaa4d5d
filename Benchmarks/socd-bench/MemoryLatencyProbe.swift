import Glibc

/// What a cold cache line costs on this machine, once the rule set's candidate table no longer
/// fits in cache. Random 64-byte lines of a region the size of that table, allocated the way the
/// table is (2 MiB aligned, transparent huge pages advised), are read two ways:
///
/// - one after another, each address taken from the line before (a pointer chase through a
///   random cycle): the latency of one miss that nothing overlaps;
/// - independently, from a precomputed list, so that the processor keeps as many in flight as it
///   can: what a line costs at full overlap, the best a batched search can pay.
///
/// At 10 rules everything a decision reads is cached; at 100,000 a packet from a banned address
/// must read that address's bucket from the table, so the batched 10-rule cost plus one
/// independent line is a bound no index layout gets under.
struct MemoryLatencyProbe {
    static let lineBytes = 64

    /// Nanoseconds per line when each address depends on the line before.
    var dependentNanoseconds: Double
    /// Nanoseconds per line when the addresses are known in advance.
    var independentNanoseconds: Double

    /// Measures `loads` reads each way over a region of `bytes` (rounded up to whole lines), the
    /// best of `rounds` runs of each, as the matcher's figures are.
    static func measure(bytes: Int, loads: Int = 1 << 21, rounds: Int = 3) -> MemoryLatencyProbe {
        let lines = max(2, (bytes + lineBytes - 1) / lineBytes)
        let wordsPerLine = lineBytes / MemoryLayout<UInt64>.stride
        let region = allocateLikeTheTable(bytes: lines * lineBytes)
        defer { free(region) }
        let words = region.bindMemory(to: UInt64.self, capacity: lines * wordsPerLine)
        var random = BenchmarkGenerator(seed: 0x1A7E_1C7)

        // Sattolo's shuffle: one cycle through every line, so the chase visits them all.
        var order = Array(0..<lines)
        for index in stride(from: lines - 1, to: 0, by: -1) {
            order.swapAt(index, Int.random(in: 0..<index, using: &random))
        }
        for (line, next) in order.enumerated() { words[line * wordsPerLine] = UInt64(next * wordsPerLine) }
        let scattered = (0..<loads).map { _ in Int.random(in: 0..<lines, using: &random) * wordsPerLine }

        var checksum: UInt64 = 0
        let dependent = best(of: rounds) {
            var word = 0
            for _ in 0..<loads { word = Int(truncatingIfNeeded: words[word]) }
            checksum &+= UInt64(word)
        }
        let independent = best(of: rounds) {
            var sum: UInt64 = 0
            scattered.withUnsafeBufferPointer { offsets in
                for offset in offsets { sum &+= words[offset] }
            }
            checksum &+= sum
        }
        if checksum == 42 { print("", terminator: "") }  // keeps the loops from being optimised away
        return MemoryLatencyProbe(
            dependentNanoseconds: dependent / Double(loads), independentNanoseconds: independent / Double(loads))
    }

    private static func allocateLikeTheTable(bytes: Int) -> UnsafeMutableRawPointer {
        let hugePage = 2 << 20
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, hugePage, bytes) == 0, let memory else {
            fatalError("cannot allocate \(bytes) bytes for the memory probe")
        }
        _ = madvise(memory, bytes, Int32(MADV_HUGEPAGE))
        memset(memory, 0, bytes)
        return memory
    }

    private static func best(of rounds: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<rounds { best = min(best, Stopwatch.time(body)) }
        return best
    }
}
