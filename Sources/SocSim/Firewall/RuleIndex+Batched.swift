/// The batched search: `firstMatch` for many packets, with the cache misses of several packets
/// overlapped.
///
/// One packet probes only two or three keys, so overlapping its own probes (as `firstMatch`
/// does) leaves each decision still waiting out about one cold miss. Here the packets go in
/// windows: first every key of every packet of the window is worked out, then the tags and
/// buckets of all of them are loaded in tight loops (so dozens of loads are in flight at once),
/// and only then is each packet resolved, from lines by now cached.
extension RuleIndex {
    /// Packets per window unless told otherwise; 16 measured best at 100,000 and 1,000,000
    /// rules (docs/BENCHMARKS.md), 4 and 8 a little worse.
    static let defaultPipelineWindow = 16

    /// Calls `body(offset, match)` for each packet in order, `match` being what
    /// `firstMatch(packets[offset], now: now, records: records)` returns.
    ///
    /// Every packet is decided against the same index and `now`; `body` must not change the
    /// index (it may count hits, which the index does not read).
    /// - Parameter window: packets whose loads overlap, 1...64.
    @inline(__always)
    func forEachFirstMatch(
        _ packets: UnsafeBufferPointer<FiveTuple>, now: Int64, records: [CompiledRule],
        window: Int = defaultPipelineWindow, _ body: (Int, FirstMatch?) -> Void
    ) {
        precondition(window >= 1 && window <= 64, "window must be 1...64")
        guard !packets.isEmpty else { return }
        // The window's probes, packet after packet; `ends[n]` is where packet n's probes end, or -1 for
        // a packet with more candidate keys than `batchedProbes`, left to the one-probe-at-a-time
        // search.
        withUnsafeTemporaryAllocation(of: CandidateTable.Probe.self, capacity: window * Self.batchedProbes) {
            probes in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: window) { ends in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * window) { masks in
                    let probes = probes.baseAddress!
                    records.withUnsafeBufferPointer { recordBuffer in
                        var first = 0
                        while first < packets.count {
                            let end = min(first + window, packets.count)
                            // 1. Every packet's prefix-length masks, in a loop of loads alone so that
                            // they are all in flight at once: the key loop after it branches on them.
                            for offset in first..<end {
                                masks[2 &* (offset &- first)] = sourceLengths.lengths(
                                    covering: packets[offset].source.value)
                                masks[2 &* (offset &- first) &+ 1] = destinationLengths.lengths(
                                    covering: packets[offset].destination.value)
                            }
                            // 2. Every key of every packet, and where to look for it; nothing cold is read.
                            var total = 0
                            for offset in first..<end {
                                let packet = packets[offset]
                                let sourceLengths = masks[2 &* (offset &- first)]
                                let destinationLengths = masks[2 &* (offset &- first) &+ 1]
                                let probesAtMost =
                                    sourceLengths.nonzeroBitCount + destinationLengths.nonzeroBitCount + 2
                                guard probesAtMost <= Self.batchedProbes else {
                                    ends[offset - first] = -1
                                    continue
                                }
                                forEachKey(
                                    packet, sourceLengths: sourceLengths, destinationLengths: destinationLengths
                                ) {
                                    probes[total] = table.locate($0)
                                    total &+= 1
                                }
                                ends[offset - first] = total
                            }
                            // 3. Load the tags and buckets of every probe, their misses overlapped.
                            table.load(UnsafeMutableBufferPointer(start: probes, count: total))
                            // 4. Resolve packet by packet, from buckets now cached.
                            var next = 0
                            for offset in first..<end {
                                let packet = packets[offset]
                                let packetEnd = ends[offset - first]
                                guard packetEnd >= 0 else {
                                    body(offset, firstMatchOneProbeAtATime(packet, now: now, records: records))
                                    continue
                                }
                                var search = FirstMatchSearch(packet: packet, now: now, records: recordBuffer)
                                while next < packetEnd {
                                    let probe = probes[next]
                                    next &+= 1
                                    let bucket = table.finishProbe(probe)
                                    search.consider(bucket, tail: { table.tail(forKey: probe.key) })
                                }
                                search.scan(unindexed)
                                body(offset, search.best)
                            }
                            first = end
                        }
                    }
                }
            }
        }
    }
}
