import SocPOSIX
import SocProtocol
import SocSim
import SocStore
import Synchronization

/// The simulated network socd hosts: one `Simulation`, advanced in real time by a clock thread
/// (`SimulationService+Clock.swift`) or stepped by hand, every packet decided by the live
/// firewall, its state saved in `simulation_state`.
///
/// Concurrency: the simulation and the clock settings live behind one mutex (`runtime`). The
/// clock thread holds it while it simulates a batch of ticks; request handlers hold it to read
/// or change; changes run on the store's writer thread, inside the transaction that also writes
/// their audit entry and the new saved state (`SimulationService+Changes.swift`). Lock order:
/// this mutex, then the firewall's (through `FirewallService.decide`); never the other way.
/// Events are built under the lock and published after it is released.
///
/// Retained logs and the traffic view are in memory only, bounded by `LogRetention`: a restart
/// resumes the simulation exactly (scenario, seed, tick, generator and random state) but begins
/// its log history afresh.
package final class SimulationService: Sendable {
    package static let defaultTicksPerSecond = 10.0
    /// How often the clock thread saves the state while it runs (wall time).
    static let saveIntervalMilliseconds: Int64 = 5_000

    let runtime: Mutex<SimulationRuntime>
    let firewall: FirewallService
    let store: Store
    let events: EventBus
    let logger: Logger
    let catalog: ScenarioCatalog
    let flagSecret: FlagSecret?
    let configuration: SimulationConfiguration
    /// Fed the new log records after every batch of ticks.
    let security: SecurityService?
    let clockControl = SimulationClockControl()

    /// Resumes the state saved in `store`, or loads the catalog's default scenario with a random
    /// seed, running at 10 ticks a second, when nothing was saved (or what was saved cannot be
    /// resumed, which is logged). The clock does not run until `start()`.
    package init(
        store: Store, firewall: FirewallService, events: EventBus, logger: Logger, flagSecret: FlagSecret?,
        catalog: ScenarioCatalog = .standard, configuration: SimulationConfiguration = SimulationConfiguration(),
        security: SecurityService? = nil
    ) throws {
        self.security = security
        self.store = store
        self.firewall = firewall
        self.events = events
        self.logger = logger
        self.catalog = catalog
        self.flagSecret = flagSecret
        self.configuration = configuration

        let saved = try store.read { db in try SimulationStateTable.load(in: db) }
        var restored: SimulationRuntime?
        if let saved {
            do {
                let snapshot = try SimulationSnapshotCodec.decode(saved.snapshot)
                let simulation = try Simulation(
                    restoring: snapshot, flagSecret: flagSecret, retention: configuration.retention, catalog: catalog)
                let rate =
                    SimSpeedInput.range.contains(saved.ticksPerSecond)
                    ? saved.ticksPerSecond : Self.defaultTicksPerSecond
                restored = SimulationRuntime(simulation: simulation, paused: saved.paused, ticksPerSecond: rate)
                restored?.savedTick = saved.tick
                logger.info(
                    "resumed scenario \(saved.scenario) (seed \(saved.seed)) at tick \(saved.tick), "
                        + (saved.paused ? "paused" : "running at \(rate) ticks/s"))
            } catch {
                logger.error(
                    "cannot resume the saved simulation (scenario \(saved.scenario), tick \(saved.tick)): \(error); "
                        + "loading the default scenario instead")
            }
        }
        if restored == nil {
            let seed = RandomBytes.seed()
            let simulation = try Simulation(
                scenarioNamed: ScenarioCatalog.defaultScenarioName, seed: seed, configuration: configuration,
                flagSecret: flagSecret, catalog: catalog)
            restored = SimulationRuntime(
                simulation: simulation, paused: false, ticksPerSecond: Self.defaultTicksPerSecond)
            logger.info("loaded scenario \(simulation.scenario.name) with seed \(seed)")
        }
        let needsSaving = restored!.savedTick == nil
        runtime = Mutex(restored!)
        if needsSaving { saveState() }
    }

    // MARK: - Reading

    package var status: SimStatusInfo { runtime.withLock { $0.status } }

    package var scenarioStatus: ScenarioStatusInfo { runtime.withLock { $0.simulation.scenarioStatusInfo } }

    package var topology: TopologyGetRequest.Result { runtime.withLock { $0.simulation.topologyInfo } }

    package var isPaused: Bool { runtime.withLock { $0.paused } }

    package var currentScenarioName: String { runtime.withLock { $0.simulation.scenario.name } }

    package var logSources: [LogSourceInfo] { runtime.withLock { $0.simulation.logSources() } }

    /// The newest `limit` packets that pass the filters, oldest first, and how many are retained.
    package func recentTraffic(limit: Int, malicious: Bool?, host: String?) -> TrafficRecentRequest.Result {
        let hostFilter = host.map(TrafficHostFilter.init)
        return runtime.withLock { runtime in
            let traffic = runtime.simulation.recentTraffic
            let clock = runtime.simulation.configuration.clock
            var picked: [TrafficPacket] = []
            var offset = traffic.count - 1
            while offset >= 0 && picked.count < limit {
                let observed = traffic[offset]
                if malicious.map({ $0 == observed.packet.malicious }) ?? true,
                    hostFilter.map({ observed.involves($0) }) ?? true
                {
                    picked.append(observed.trafficPacket(clock: clock))
                }
                offset -= 1
            }
            return TrafficRecentRequest.Result(packets: picked.reversed(), retained: traffic.count)
        }
    }

    /// The newest `limit` records of `source` from `sinceTick` on, oldest first.
    package func tail(_ source: LogSourceName, limit: Int, sinceTick: Int64?) -> LogsTailRequest.Result {
        let (records, tick) = runtime.withLock { runtime in
            (runtime.simulation.logs.tail(source.dataset, limit: limit, sinceTick: sinceTick), runtime.simulation.tick)
        }
        // Rendering lines and fields happens outside the lock: records are values.
        let next = records.last.map { Int($0.tick) + 1 } ?? Int(sinceTick.map { min($0, tick) } ?? tick)
        return LogsTailRequest.Result(source: source, records: records.map(\.entry), nextSinceTick: next)
    }

    /// The whole catalog, as `scenario.list` shows it.
    package var scenarioList: ScenarioListRequest.Result {
        ScenarioListRequest.Result(
            scenarios: catalog.scenarios.map(\.info), current: currentScenarioName,
            default: ScenarioCatalog.defaultScenarioName)
    }

    /// For tests and the debrief: the addresses the attack started from.
    package var attackerAddresses: [IPv4Address] { runtime.withLock { $0.simulation.initialAttackerAddresses } }

    /// Reads the simulation itself, under the lock.
    package func withSimulation<T>(_ body: (Simulation) throws -> T) rethrows -> T {
        try runtime.withLock { try body($0.simulation) }
    }

    // MARK: - Saving

    /// Saves the state through the writer: asynchronously (logged on failure), or, with `wait`,
    /// until durable (shutdown). Does nothing on a read-only store.
    package func saveState(wait: Bool = false) {
        guard !store.isReadOnly else { return }
        let record: SimulationStateRecord
        do {
            record = try runtime.withLock { runtime in
                let record = try runtime.record()
                runtime.savedTick = record.tick
                return record
            }
        } catch {
            logger.error("cannot encode the simulation state: \(error)")
            return
        }
        let work: @Sendable (Database) throws -> Void = { db in try SimulationStateTable.save(record, in: db) }
        if wait {
            do { try store.write(work) } catch { logger.warning("cannot save the simulation state: \(error)") }
        } else {
            store.submit(work) { [logger] result in
                if case .failure(let error) = result { logger.warning("cannot save the simulation state: \(error)") }
            }
        }
    }

    /// Puts back the state the database holds: after a change whose transaction did not commit.
    package func reload() {
        do {
            guard let saved = try store.read({ db in try SimulationStateTable.load(in: db) }) else { return }
            let simulation = try Simulation(
                restoring: try SimulationSnapshotCodec.decode(saved.snapshot), flagSecret: flagSecret,
                retention: configuration.retention, catalog: catalog)
            runtime.withLock { runtime in
                runtime.replace(with: simulation)
                runtime.paused = saved.paused
                runtime.ticksPerSecond = saved.ticksPerSecond
                runtime.savedTick = saved.tick
            }
            logger.warning("simulation state reloaded from the database after a failed commit")
        } catch {
            logger.error("cannot reload the simulation state after a failed commit: \(error)")
        }
    }

    func publish(_ produced: [SimulationEvent]) {
        for event in produced { events.publish(event.topic, event.data) }
    }
}
