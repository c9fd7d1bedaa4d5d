/// The router's firewall as the simulation sees it: one verdict per packet.
///
/// The simulation decides each tick's packets in one batch, in generation order, on the thread
/// that steps it (`decide(_:nowMilliseconds:into:)`); `nowMilliseconds` is the simulated clock
/// (`SimulationClock`), which a filter uses for rule expiry. `decide` is `mutating` so an
/// implementation can count hits or purge expired rules without reference semantics. The
/// compiled rule matcher conforms through an adapter; tests use a plain list.
package protocol PacketFilter {
    mutating func decide(_ packet: FiveTuple, nowMilliseconds: Int64) -> PacketVerdict

    /// Decides `packets` in order and appends one verdict per packet to `verdicts`: the same
    /// verdicts, with the same side effects, as calling `decide(_:nowMilliseconds:)` on each in
    /// turn. The default does exactly that; a filter with a faster batched path (the compiled
    /// matcher overlaps the cache misses of many packets) implements it.
    mutating func decide(_ packets: [FiveTuple], nowMilliseconds: Int64, into verdicts: inout [PacketVerdict])
}

extension PacketFilter {
    package mutating func decide(_ packets: [FiveTuple], nowMilliseconds: Int64, into verdicts: inout [PacketVerdict]) {
        for packet in packets { verdicts.append(decide(packet, nowMilliseconds: nowMilliseconds)) }
    }
}
