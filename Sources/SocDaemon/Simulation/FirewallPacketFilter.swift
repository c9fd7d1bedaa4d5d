import SocPOSIX
import SocSim

/// The simulation's `PacketFilter` backed by the daemon's live firewall: every simulated packet
/// is decided by `FirewallService.decide`, which counts the hit on the rule that matched. A
/// tick's packets are decided in one batch, under one lock (`FirewallService.decide(_:now:into:)`).
///
/// Time: rules expire on the wall clock (a `ttl` is real seconds, `expiresAt` a real instant,
/// and the maintenance pass purges by wall time), so the filter passes the wall-clock time the
/// step began, not the simulated time the simulation offers. Determinism is kept where it can
/// be: verdicts depend only on the rule set, never on simulated time, so the same rule changes
/// at the same ticks give the same run. Only a rule with a ttl that runs out during a run ties
/// that run to the wall clock, which is what a ttl means. One instant per step (not per packet)
/// keeps every packet of a tick decided against the same rule set.
struct FirewallPacketFilter: PacketFilter {
    let firewall: FirewallService
    let wallClockMilliseconds: Int64
    /// A batch's decisions before they become verdicts; kept to reuse its storage.
    private var decisions: [FirewallDecision] = []

    init(firewall: FirewallService, wallClockMilliseconds: Int64 = WallClock.nowMilliseconds) {
        self.firewall = firewall
        self.wallClockMilliseconds = wallClockMilliseconds
    }

    @inline(__always)
    mutating func decide(_ packet: FiveTuple, nowMilliseconds _: Int64) -> PacketVerdict {
        PacketVerdict(firewall.decide(packet, now: wallClockMilliseconds))
    }

    mutating func decide(_ packets: [FiveTuple], nowMilliseconds _: Int64, into verdicts: inout [PacketVerdict]) {
        decisions.removeAll(keepingCapacity: true)
        firewall.decide(packets, now: wallClockMilliseconds, into: &decisions)
        for decision in decisions { verdicts.append(PacketVerdict(decision)) }
    }
}
