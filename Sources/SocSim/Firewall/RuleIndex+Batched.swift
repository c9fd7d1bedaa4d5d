/// The batched search: `firstMatch` for many packets, with the cache misses of many packets
/// overlapped.
///
/// At 100,000 rules and more a decision mostly waits, and its waits depend on one another: for
/// the prefix-length masks of its addresses (which say which keys to probe), then for each key's
/// tags (which say which bucket holds it), then for that bucket. Here the packets go in windows,
/// and the windows through a pipeline: while window k is resolved, the buckets of window k + 1
/// and the masks of window k + 2 are on their way, and the tags of window k + 1 were asked for
/// just before. What a stage will read is asked for with a prefetch hint (`CSocPrefetch`), which
/// retires at once; a plain load used that way holds up everything behind it until its line
/// arrives, which is what kept the previous, one-window-at-a-time search from overlapping more
/// than a few misses (docs/BENCHMARKS.md, "A prefetching pipeline of windows").
extension RuleIndex {
    /// Packets per window unless told otherwise (docs/BENCHMARKS.md).
    static let defaultPipelineWindow = 16

    /// Calls `body(offset, match)` for each packet in order, `match` being what
    /// `firstMatch(packets[offset], now: now, records: records)` returns.
    ///
    /// Every packet is decided against the same index and `now`; `body` must not change the
    /// index (it may count hits, which the index does not read).
    /// - Parameter window: packets per window, 1...64.
    @inline(__always)
    func forEachFirstMatch(
        _ packets: UnsafeBufferPointer<FiveTuple>, now: Int64, records: [CompiledRule],
        window: Int = defaultPipelineWindow, _ body: (Int, FirstMatch?) -> Void
    ) {
        precondition(window >= 1 && window <= 64, "window must be 1...64")
        guard !packets.isEmpty else { return }
        // Two windows hold probes at once, the one being resolved and the next, each in its half
        // of `probes`: its packets' probes in packet order, `ends[n]` where packet n's end (-1 for
        // a packet with more candidate keys than `batchedProbes`, which is left to the
        // one-probe-at-a-time search).
        let probesPerWindow = window * Self.batchedProbes
        withUnsafeTemporaryAllocation(of: CandidateTable.Probe.self, capacity: 2 * probesPerWindow) { probes in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * window) { ends in
                records.withUnsafeBufferPointer { recordBuffer in
                    let probes = probes.baseAddress!
                    let ends = ends.baseAddress!
                    let windows = (packets.count + window - 1) / window
                    func packetsOf(_ k: Int) -> Range<Int> { k * window..<min(k * window + window, packets.count) }

                    // 1. Ask for the prefix-length masks of window k's packets.
                    @inline(__always) func askForMasks(_ k: Int) {
                        for offset in packetsOf(k) {
                            sourceLengths.prefetch(covering: packets[offset].source.value)
                            destinationLengths.prefetch(covering: packets[offset].destination.value)
                        }
                    }
                    // 2. Work out every key of window k's packets and where each would be, and ask
                    // for their tags. Returns how many probes the window has.
                    @inline(__always) func makeProbes(_ k: Int) -> Int {
                        let firstProbe = (k & 1) * probesPerWindow
                        let firstEnd = (k & 1) * window - k * window
                        var count = 0
                        for offset in packetsOf(k) {
                            let packet = packets[offset]
                            let sourceLengths = sourceLengths.lengths(covering: packet.source.value)
                            let destinationLengths = destinationLengths.lengths(covering: packet.destination.value)
                            guard
                                sourceLengths.nonzeroBitCount + destinationLengths.nonzeroBitCount + 2
                                    <= Self.batchedProbes
                            else {
                                ends[firstEnd + offset] = -1
                                continue
                            }
                            forEachKey(packet, sourceLengths: sourceLengths, destinationLengths: destinationLengths) {
                                let probe = table.locate($0)
                                table.prefetchTags(of: probe)
                                probes[firstProbe + count] = probe
                                count &+= 1
                            }
                            ends[firstEnd + offset] = count
                        }
                        return count
                    }
                    // 3. Find the bucket each of window k's tags points at, and ask for it.
                    @inline(__always) func narrowProbes(_ k: Int, count: Int) {
                        let firstProbe = (k & 1) * probesPerWindow
                        for index in firstProbe..<firstProbe + count { table.narrow(&probes[index]) }
                    }
                    // 4. Decide window k's packets from what has arrived.
                    @inline(__always) func resolve(_ k: Int) {
                        let firstProbe = (k & 1) * probesPerWindow
                        let firstEnd = (k & 1) * window - k * window
                        var next = 0
                        for offset in packetsOf(k) {
                            let packet = packets[offset]
                            let end = ends[firstEnd + offset]
                            guard end >= 0 else {
                                body(offset, firstMatchOneProbeAtATime(packet, now: now, records: records))
                                continue
                            }
                            var search = FirstMatchSearch(packet: packet, now: now, records: recordBuffer)
                            while next < end {
                                let probe = probes[firstProbe + next]
                                next &+= 1
                                search.consider(
                                    table.finishNarrowedProbe(probe), tail: { table.tail(forKey: probe.key) })
                            }
                            search.scan(unindexed)
                            body(offset, search.best)
                        }
                    }

                    askForMasks(0)
                    if windows > 1 { askForMasks(1) }
                    narrowProbes(0, count: makeProbes(0))
                    for k in 0..<windows {
                        let nextCount = k + 1 < windows ? makeProbes(k + 1) : 0
                        if k + 2 < windows { askForMasks(k + 2) }
                        // Resolving window k gives window k + 1's tags time to arrive.
                        resolve(k)
                        if k + 1 < windows { narrowProbes(k + 1, count: nextCount) }
                    }
                }
            }
        }
    }
}
