import Glibc
import SocSim

/// The in-process measurements of the simulation's hot path, which the `simulation` suite
/// (`SimulationThroughputBenchmark`) reports:
///
/// - Throughput: packets per second of CPU time through generation, the firewall and every data
///   source, with the room's scenario scaled up (`SimulationConfiguration.trafficScale`) so each
///   tick carries ~170,000 packets. The baseline, measured in the same run, is generation alone.
/// - Tick cost: the default scenario at its real rate, as a percentage of one core when the
///   daemon runs it at 10 ticks/s.
///
/// Times are the calling thread's CPU time, so other load on the machine does not skew them.
struct SimulationBenchmarkResult {
    var filterName: String
    var packetsPerSecond: Double
}

/// Pushes the scaled-up room scenario through `makeFilter`'s filter for about `seconds` of CPU
/// time and returns the packet rate. The filter is built from the simulation so that it can name
/// the attacker, as a learner's rules would.
func runSimulationBenchmark<Filter: PacketFilter>(
    filterName: String, seconds: Double = 2, trafficScale: Double = 1_000,
    makeFilter: (Simulation) -> Filter
) -> SimulationBenchmarkResult {
    var simulation = Simulation(
        scenario: ScenarioCatalog.webFlood, seed: 1,
        configuration: SimulationConfiguration(trafficScale: trafficScale), flagSecret: nil)
    var filter = makeFilter(simulation)
    // Past the attack's start, so the flood is part of every measured tick.
    simulation.step(ticks: 35, filter: &filter)
    let startPackets = simulation.counters.packets
    let start = threadCPUSeconds()
    var elapsed = 0.0
    repeat {
        simulation.step(ticks: 1, filter: &filter)
        elapsed = threadCPUSeconds() - start
    } while elapsed < seconds
    return SimulationBenchmarkResult(
        filterName: filterName, packetsPerSecond: Double(simulation.counters.packets - startPackets) / elapsed)
}

/// Generation alone, the floor under the full pipeline.
func runGenerationBaseline(seconds: Double = 2, trafficScale: Double = 1_000) -> Double {
    let world = ScenarioWorld(definition: ScenarioCatalog.webFlood, seed: 1, trafficScale: trafficScale)
    var generators = world.generators
    var random = Xoshiro256StarStar(seed: 1)
    var batch = PacketBatch(nextPacketID: 1)
    var packets = 0
    var tick: Int64 = 35
    let start = threadCPUSeconds()
    var elapsed = 0.0
    repeat {
        batch.begin(tick: tick)
        for index in generators.indices { generators[index].generate(into: &batch, random: &random) }
        packets += batch.packets.count
        tick += 1
        elapsed = threadCPUSeconds() - start
    } while elapsed < seconds
    return Double(packets) / elapsed
}

/// CPU time of one tick of the default scenario at its real traffic rate, averaged over ten
/// simulated minutes with the attacker blocked halfway (both phases of the scenario).
func measureDefaultScenarioTickCost(ticks: Int = 6_000) -> (secondsPerTick: Double, packetsPerTick: Double) {
    var simulation = Simulation(scenario: ScenarioCatalog.webFlood, seed: 1, flagSecret: nil)
    var filter = BenchmarkBlockList(entries: [])
    let start = threadCPUSeconds()
    simulation.step(ticks: ticks / 2, filter: &filter)
    filter.entries.append(.init(source: IPv4CIDR(network: simulation.initialAttackerAddresses[0], prefixLength: 32)))
    simulation.step(ticks: ticks - ticks / 2, filter: &filter)
    let elapsed = threadCPUSeconds() - start
    return (elapsed / Double(ticks), Double(simulation.counters.packets) / Double(ticks))
}

/// A first-match list of source networks, the shape of a small rule table, scanned in full for
/// every packet that matches none of them.
struct BenchmarkBlockList: PacketFilter {
    struct Entry {
        var source: IPv4CIDR
        var destinationPort: UInt16? = nil
    }

    var entries: [Entry]

    func decide(_ packet: FiveTuple, nowMilliseconds: Int64) -> PacketVerdict {
        for (index, entry) in entries.enumerated()
        where entry.source.contains(packet.source)
            && (entry.destinationPort.map { $0 == packet.destinationPort } ?? true)
        {
            return PacketVerdict(action: .drop, ruleID: Int64(index + 1))
        }
        return .acceptByPolicy
    }
}

private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
