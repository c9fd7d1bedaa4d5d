import SocSim
import Synchronization

/// The simulation's firewall as socd runs it: the compiled `FirewallRuleset` behind a mutex in a
/// shared object, locked once per tick's batch and counting the hits, as `FirewallPacketFilter`
/// and `FirewallService.decide(_:now:into:)` do, so the figure includes what the daemon pays per
/// decision, not only the matcher.
struct RulesetPacketFilter: PacketFilter {
    final class Firewall: Sendable {
        let ruleset: Mutex<FirewallRuleset>
        init(_ ruleset: FirewallRuleset) { self.ruleset = Mutex(ruleset) }
    }

    let firewall: Firewall
    /// A batch's decisions before they become verdicts; kept to reuse its storage.
    private var decisions: [FirewallDecision] = []

    init(_ ruleset: FirewallRuleset) {
        firewall = Firewall(ruleset)
    }

    @inline(__always)
    mutating func decide(_ packet: FiveTuple, nowMilliseconds: Int64) -> PacketVerdict {
        PacketVerdict(firewall.ruleset.withLock { $0.decide(packet, now: nowMilliseconds) })
    }

    mutating func decide(_ packets: [FiveTuple], nowMilliseconds: Int64, into verdicts: inout [PacketVerdict]) {
        decisions.removeAll(keepingCapacity: true)
        firewall.ruleset.withLock { $0.decide(packets, now: nowMilliseconds, into: &decisions) }
        for decision in decisions { verdicts.append(PacketVerdict(decision)) }
    }

    /// `count` rules: `count - 1` random ones from the matcher suite's mix (banned hosts, CIDRs,
    /// ports) that name none of the simulated network's addresses, as a large blocklist would not,
    /// then the learner's rule dropping the attacker's HTTP traffic. The simulated traffic then
    /// meets a table of that size without the table changing what it does.
    static func withRandomRules(
        _ count: Int, blocking simulation: Simulation, seed: UInt64 = 0x51A1
    ) throws
        -> RulesetPacketFilter
    {
        let simulated =
            [NetworkTopology.roomLAN, simulation.attackerNetwork] + ScenarioWorld.externalNetworks
            + ScenarioWorld(definition: simulation.scenario, seed: simulation.seed, trafficScale: 1).outsideSites.map {
                IPv4CIDR(network: $0, prefixLength: 32)
            }
        func touchesSimulation(_ match: AddressMatch) -> Bool {
            guard case .network(let cidr) = match else { return false }
            return simulated.contains { $0.contains(cidr.network) || cidr.contains($0.network) }
        }
        var generator = BenchmarkGenerator(seed: seed)
        var rules: [FirewallRule] = []
        rules.reserveCapacity(count)
        while rules.count < count - 1 {
            let rule = generator.rule(id: Int64(rules.count + 1))
            if !touchesSimulation(rule.source) && !touchesSimulation(rule.destination) { rules.append(rule) }
        }
        rules.append(
            FirewallRule(
                id: Int64(count), position: count, source: .host(simulation.initialAttackerAddresses[0]),
                destination: .host(NetworkTopology.webServerAddress), destinationPort: .port(80), proto: .tcp,
                action: .drop, createdAt: 0))
        return RulesetPacketFilter(try FirewallRuleset(rules: rules))
    }
}
