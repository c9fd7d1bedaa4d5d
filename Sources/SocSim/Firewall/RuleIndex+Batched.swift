/// The batched search: `firstMatch` for many packets, with the cache misses of many packets
/// overlapped.
///
/// At 100,000 rules and more a decision mostly waits, and its waits depend on one another: for
/// the prefix-length masks of its addresses (which say which keys to probe), then for each key's
/// tags (which say which bucket holds it), then for that bucket. One packet at a time, those
/// waits queue. Here every packet goes through four stages `distance` packets apart, a software
/// pipeline: while packet n is resolved, the buckets of packet n + d, the tags of packet n + 2d
/// and the masks of packet n + 3d are on their way. Each stage asks for what the next one reads
/// with a prefetch hint (`CSocPrefetch`), which retires at once: plain loads used the same way
/// filled the processor's reorder window with waiting loads and overlapped far fewer misses
/// (docs/BENCHMARKS.md, "A prefetching pipeline").
extension RuleIndex {
    /// Packets between two stages unless told otherwise (docs/BENCHMARKS.md).
    static let defaultPipelineWindow = 16

    /// Calls `body(offset, match)` for each packet in order, `match` being what
    /// `firstMatch(packets[offset], now: now, records: records)` returns.
    ///
    /// Every packet is decided against the same index and `now`; `body` must not change the
    /// index (it may count hits, which the index does not read).
    /// - Parameter window: packets between two stages of the pipeline, 1...64.
    @inline(__always)
    func forEachFirstMatch(
        _ packets: UnsafeBufferPointer<FiveTuple>, now: Int64, records: [CompiledRule],
        window distance: Int = defaultPipelineWindow, _ body: (Int, FirstMatch?) -> Void
    ) {
        precondition(distance >= 1 && distance <= 64, "window must be 1...64")
        guard !packets.isEmpty else { return }
        // From the keys stage to resolution 2 * distance + 1 packets hold probes, at most
        // `batchedProbes` each, kept in a ring in the order they were made; `ranges` holds each
        // packet's [start, end) in it by packet slot, end -1 for a packet with more candidate keys
        // than `batchedProbes`, which is left to the one-probe-at-a-time search.
        let packetSlots = 1 << (Int.bitWidth - (2 * distance).leadingZeroBitCount)
        let probeSlots = packetSlots * Self.batchedProbes
        withUnsafeTemporaryAllocation(of: CandidateTable.Probe.self, capacity: probeSlots) { probes in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * packetSlots) { ranges in
                records.withUnsafeBufferPointer { recordBuffer in
                    let probes = probes.baseAddress!
                    let ranges = ranges.baseAddress!
                    let probeMask = probeSlots - 1
                    let packetMask = packetSlots - 1
                    var written = 0

                    // 1. Ask for the packet's prefix-length masks.
                    @inline(__always) func askForMasks(_ offset: Int) {
                        sourceLengths.prefetch(covering: packets[offset].source.value)
                        destinationLengths.prefetch(covering: packets[offset].destination.value)
                    }
                    // 2. Work out its keys and where each would be, and ask for their tags.
                    @inline(__always) func makeProbes(_ offset: Int) {
                        let packet = packets[offset]
                        let sourceLengths = sourceLengths.lengths(covering: packet.source.value)
                        let destinationLengths = destinationLengths.lengths(covering: packet.destination.value)
                        let slot = 2 &* (offset & packetMask)
                        ranges[slot] = written
                        guard
                            sourceLengths.nonzeroBitCount + destinationLengths.nonzeroBitCount + 2 <= Self.batchedProbes
                        else {
                            ranges[slot &+ 1] = -1
                            return
                        }
                        forEachKey(packet, sourceLengths: sourceLengths, destinationLengths: destinationLengths) {
                            key in
                            let probe = table.locate(key)
                            table.prefetchTags(of: probe)
                            probes[written & probeMask] = probe
                            written &+= 1
                        }
                        ranges[slot &+ 1] = written
                    }
                    // 3. Find the bucket each tag points at, and ask for it.
                    @inline(__always) func narrowProbes(_ offset: Int) {
                        let slot = 2 &* (offset & packetMask)
                        var next = ranges[slot]
                        let end = ranges[slot &+ 1]
                        while next < end {
                            table.narrow(&probes[next & probeMask])
                            next &+= 1
                        }
                    }
                    // 4. Decide the packet from what has arrived.
                    @inline(__always) func resolve(_ offset: Int) {
                        let packet = packets[offset]
                        let slot = 2 &* (offset & packetMask)
                        let end = ranges[slot &+ 1]
                        guard end >= 0 else {
                            body(offset, firstMatchOneProbeAtATime(packet, now: now, records: records))
                            return
                        }
                        var search = FirstMatchSearch(packet: packet, now: now, records: recordBuffer)
                        var next = ranges[slot]
                        while next < end {
                            let probe = probes[next & probeMask]
                            next &+= 1
                            search.consider(table.finishNarrowedProbe(probe), tail: { table.tail(forKey: probe.key) })
                        }
                        search.scan(unindexed)
                        body(offset, search.best)
                    }

                    // Packet `step` enters the pipeline as packet `step - 3 * distance` leaves it:
                    // filling, the steady state with every stage busy, then draining.
                    let count = packets.count
                    let filled = min(count, 3 &* distance)
                    for step in 0..<filled {
                        askForMasks(step)
                        if step >= distance { makeProbes(step &- distance) }
                        if step >= 2 &* distance { narrowProbes(step &- 2 &* distance) }
                    }
                    if count > 3 &* distance {
                        for step in 3 &* distance..<count {
                            askForMasks(step)
                            makeProbes(step &- distance)
                            narrowProbes(step &- 2 &* distance)
                            resolve(step &- 3 &* distance)
                        }
                    }
                    for step in count..<count &+ 3 &* distance {
                        let keyed = step &- distance
                        if keyed >= 0 && keyed < count { makeProbes(keyed) }
                        let narrowed = step &- 2 &* distance
                        if narrowed >= 0 && narrowed < count { narrowProbes(narrowed) }
                        let resolved = step &- 3 &* distance
                        if resolved >= 0 { resolve(resolved) }
                    }
                }
            }
        }
    }
}
