import Glibc
import SocSim

/// Suite `simulation`: the simulation's hot path with socd's real firewall, each figure beside a
/// baseline from the same run.
///
/// - Throughput: simulated packets per second of one thread's CPU time through generation, the
///   compiled rule set (behind the daemon's mutex, see `RulesetPacketFilter`) and every data
///   source, with 10 and with 100,000 rules, beside generation alone. The room's scenario is
///   scaled up so that a tick carries ~170,000 packets (see `runSimulationBenchmark`).
/// - Tick cost: a real release socd running the default scenario at its default 10 ticks/s, as
///   CPU % of one core from /proc/PID/stat, beside the same socd with the simulation paused.
struct SimulationThroughputBenchmark {
    let paths: BenchmarkPaths
    /// CPU seconds per throughput figure.
    var seconds = 2.0
    var ruleCounts = [10, 100_000]
    /// Wall-clock seconds over which each CPU figure of the running socd is read.
    var cpuWindowSeconds = 10.0

    func run() throws -> FigureTable {
        var table = FigureTable(
            title: "simulation: packets through the firewall, and socd's tick cost", baseline: "baseline")
        let generation = runGenerationBaseline(seconds: seconds)
        let scale = 1_000.0
        for count in ruleCounts {
            let world = Simulation(
                scenario: ScenarioCatalog.webFlood, seed: 1,
                configuration: SimulationConfiguration(trafficScale: scale), flagSecret: nil)
            let filter = try RulesetPacketFilter.withRandomRules(count, blocking: world)
            let result = runSimulationBenchmark(
                filterName: "\(count) rules", seconds: seconds, trafficScale: scale, makeFilter: { _ in filter })
            table.add(
                "generate+firewall+log, \(Quantity.grouped(count)) rules (generation only)",
                .perSecond(result.packetsPerSecond), baseline: .perSecond(generation),
                target: count >= 100_000 ? .atLeast(.perSecond(1_000_000)) : nil)
        }
        let inProcess = measureDefaultScenarioTickCost()
        let daemon = try measureDaemonTickCost()
        table.add(
            "socd CPU at 10 ticks/s, /proc/PID/stat (paused)", .percent(daemon.running.clockTicks),
            baseline: .percent(daemon.paused.clockTicks), target: .below(.percent(2)))
        table.add(
            "socd CPU at 10 ticks/s, schedstat (paused)", .percent(daemon.running.scheduler),
            baseline: .percent(daemon.paused.scheduler), target: .below(.percent(2)))
        table.note(
            "throughput: \(Quantity.decimal(seconds, digits: 1)) s of thread CPU time per figure, traffic scale "
                + "\(Quantity.grouped(Int(scale))); random rules from the matcher suite's mix that name no simulated "
                + "address, then the attacker's DROP last; one mutex lock per tick's batch of decisions, as in socd")
        table.note(
            "tick cost: a fresh release socd, no clients, past the attack's start, "
                + "\(Quantity.decimal(cpuWindowSeconds, digits: 0)) s each: utime+stime from /proc/PID/stat "
                + "(10 ms clock ticks, so ±0.1 % here) and on-CPU ns summed over /proc/PID/task/*/schedstat; "
                + "the same scenario in process costs "
                + "\(Quantity.nanoseconds(inProcess.secondsPerTick * 1e9).formatted)/tick "
                + "(\(Quantity.decimal(inProcess.packetsPerTick, digits: 1)) packets) = "
                + "\(Quantity.percent(inProcess.secondsPerTick * 10 * 100).formatted) of a core at 10 ticks/s")
        return table
    }

    /// CPU % of one core that a fresh socd uses with the simulation running at its default rate,
    /// and with it paused. The simulation is first stepped past the attack's start (tick 30) so
    /// that the flood is part of the running figure.
    private func measureDaemonTickCost() throws -> (running: CPUShare, paused: CPUShare) {
        let directory = try TemporaryDirectory(prefix: "socd-bench-sim")
        defer { directory.remove() }
        let socd = try ServerProcess.socd(paths, in: directory)
        defer { socd.stop() }
        var connection = try RequestConnection(to: socd)
        _ = try connection.call("sim.pause")
        _ = try connection.call("sim.step", #"{"ticks":40}"#)
        connection.close()
        let paused = try cpuShare(of: socd)

        connection = try RequestConnection(to: socd)
        let status = try connection.call("sim.resume")
        connection.close()
        guard status.contains(#""state":"running""#) else {
            throw BenchmarkFailure.other("sim.resume left the simulation paused: \(status.prefix(300))")
        }
        let running = try cpuShare(of: socd)
        return (running, paused)
    }

    /// Percent of one core the process used over `cpuWindowSeconds` of wall time, read both ways.
    struct CPUShare {
        /// From utime + stime in /proc/PID/stat.
        var clockTicks: Double
        /// From the scheduler's per-thread nanoseconds.
        var scheduler: Double
    }

    private func cpuShare(of server: ServerProcess) throws -> CPUShare {
        let pid = server.process.pid
        guard let before = server.process.cpuTime(), let beforeScheduler = ThreadCPUTime.nanoseconds(of: pid) else {
            throw BenchmarkFailure.other("cannot read the CPU time of socd (pid \(pid)): \(server.logTail)")
        }
        let start = Stopwatch.now
        usleep(UInt32(cpuWindowSeconds * 1e6))
        let wall = Stopwatch.elapsed(since: start)
        guard let after = server.process.cpuTime(), let afterScheduler = ThreadCPUTime.nanoseconds(of: pid) else {
            throw BenchmarkFailure.other("cannot read the CPU time of socd (pid \(pid)): \(server.logTail)")
        }
        return CPUShare(
            clockTicks: (after.user + after.system - before.user - before.system) / wall * 100,
            scheduler: (afterScheduler - beforeScheduler) / wall * 100)
    }
}
