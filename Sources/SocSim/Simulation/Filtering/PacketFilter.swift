/// The router's firewall as the simulation sees it: one verdict per packet.
///
/// The simulation calls `decide` once for every packet, in generation order, on the thread that
/// steps it; `nowMilliseconds` is the simulated clock (`SimulationClock`), which a filter uses for
/// rule expiry. `decide` is `mutating` so an implementation can count hits or purge expired rules
/// without reference semantics. The compiled rule matcher conforms through an adapter; tests use a
/// plain list.
package protocol PacketFilter {
    mutating func decide(_ packet: FiveTuple, nowMilliseconds: Int64) -> PacketVerdict
}
