import SocPOSIX
import SocProtocol
import SocSim
import SocStore

/// What `SimulationService` guards with its mutex: the simulation, the clock's settings, and
/// the publishers' cursors. Every method runs with the lock held.
struct SimulationRuntime: Sendable {
    var simulation: Simulation
    var paused: Bool
    var ticksPerSecond: Double
    /// Bumped whenever the clock must start counting afresh (load, reset, resume, speed), so the
    /// clock thread never steps a batch it computed for the previous settings.
    var generation = 0
    /// Bumped whenever the simulation (and so its logs) is replaced, for the SIEM's log cursor.
    var logEpoch = 0
    /// The tick of the last save, to skip periodic saves when nothing moved.
    var savedTick: Int64?
    var progressTracker: ScenarioProgressTracker
    var trafficSampler: TrafficSampler
    /// Counters at the last `sim` summary, for its delta.
    var summarizedCounters: SimCounters

    init(simulation: Simulation, paused: Bool, ticksPerSecond: Double) {
        self.simulation = simulation
        self.paused = paused
        self.ticksPerSecond = ticksPerSecond
        progressTracker = ScenarioProgressTracker(simulation)
        trafficSampler = TrafficSampler(nextTick: simulation.tick)
        summarizedCounters = SimCounters(simulation.counters)
    }

    var status: SimStatusInfo { simulation.statusInfo(paused: paused, ticksPerSecond: ticksPerSecond) }

    /// Replaces the simulation (load, reset, restore) and restarts the publishers' cursors.
    mutating func replace(with fresh: Simulation) {
        simulation = fresh
        generation += 1
        logEpoch += 1
        progressTracker = ScenarioProgressTracker(fresh)
        trafficSampler = TrafficSampler(nextTick: fresh.tick)
        summarizedCounters = SimCounters(fresh.counters)
    }

    /// Simulates `ticks` ticks through the live firewall and returns the events they caused.
    mutating func advance(
        ticks: Int, firewall: FirewallService, events: EventBus, logger: Logger, security: SecurityService?
    ) -> [SimulationEvent] {
        guard ticks > 0 else { return [] }
        var filter = FirewallPacketFilter(firewall: firewall)
        simulation.step(ticks: ticks, filter: &filter)
        // The SIEM reads the new records while the lock still orders batches.
        security?.simulationAdvanced(simulation, logEpoch: logEpoch)
        var produced: [SimulationEvent] = []
        if let kind = progressTracker.update(simulation) {
            if kind == .solved, let outcome = simulation.progress.outcome {
                logger.notice(
                    "scenario \(simulation.scenario.name) solved at tick \(outcome.solvedAtTick), score \(outcome.score)"
                )
            }
            if kind == .compromised, let tick = simulation.progress.compromisedAtTick {
                logger.notice("scenario \(simulation.scenario.name) lost: the attacker got in at tick \(tick)")
            }
            if events.hasSubscribers(.scenario) {
                produced.append(
                    SimulationEvent(
                        .scenario, encoding: ScenarioEvent(event: kind, status: simulation.scenarioStatusInfo)))
            }
        }
        if events.hasSubscribers(.traffic) {
            if let sample = trafficSampler.sample(
                simulation.recentTraffic, throughTick: simulation.tick, nowMilliseconds: MonotonicClock.milliseconds,
                clock: simulation.configuration.clock)
            {
                produced.append(SimulationEvent(.traffic, encoding: sample))
            }
        } else {
            trafficSampler.skip(toTick: simulation.tick)
        }
        return produced
    }

    /// The `sim` summary: the status and what happened since the previous summary.
    mutating func summary() -> SimEvent {
        let status = status
        let delta = status.counters.subtracting(summarizedCounters)
        summarizedCounters = status.counters
        return SimEvent(event: .summary, status: status, delta: delta)
    }

    /// The row `simulation_state` keeps.
    func record() throws -> SimulationStateRecord {
        SimulationStateRecord(
            scenario: simulation.scenario.name, seed: simulation.seed, tick: simulation.tick, paused: paused,
            ticksPerSecond: ticksPerSecond, snapshot: try SimulationSnapshotCodec.encode(simulation.snapshot),
            savedAtMilliseconds: WallClock.nowMilliseconds)
    }
}
