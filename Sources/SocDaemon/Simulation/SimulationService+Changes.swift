import JSONRPC
import SocProtocol
import SocSim
import SocStore

/// Changes to the simulation. Each runs on the store's writer thread inside the transaction of
/// its `StateChange` (with its audit entry): it changes the in-memory simulation under the lock,
/// then writes the new saved state in the same transaction, so the reply is sent only once the
/// state it describes is durable. If that transaction fails to commit, `reload()` restores the
/// state the database holds.
extension SimulationService {
    /// What a change did: the status to answer with, and the events to publish once durable.
    package struct ChangeOutcome: Sendable {
        package var status: SimStatusInfo
        package var scenario: ScenarioStatusInfo
        var events: [SimulationEvent]
    }

    /// Publishes a change's events; call once it is durable.
    package func announce(_ outcome: ChangeOutcome) { publish(outcome.events) }

    package func pause(in db: Database) throws -> ChangeOutcome {
        try change(in: db) { runtime in
            runtime.paused = true
            return [.paused]
        }
    }

    package func resume(in db: Database) throws -> ChangeOutcome {
        try change(in: db) { runtime in
            runtime.paused = false
            runtime.generation += 1
            return [.resumed]
        }
    }

    /// Sets the speed (`.ticksPerSecond`, already in `SimSpeedInput.range`) or pauses.
    package func setSpeed(_ speed: SimSpeedInput, in db: Database) throws -> ChangeOutcome {
        try change(in: db) { runtime in
            switch speed {
            case .paused:
                runtime.paused = true
                return [.paused]
            case .ticksPerSecond(let rate):
                runtime.ticksPerSecond = rate
                runtime.generation += 1
                return [.speed]
            }
        }
    }

    /// Simulates `ticks` ticks; only while paused, so that stepping never races the clock.
    package func step(ticks: Int, in db: Database) throws -> ChangeOutcome {
        try change(in: db) { runtime in
            guard runtime.paused else { throw Self.notPaused() }
            return [.stepped]
        } simulate: { runtime in
            runtime.advance(ticks: ticks, firewall: firewall, events: events, logger: logger, security: security)
        }
    }

    /// Loads `name` with `seed` from tick 0 (`sim.reset`, `scenario.load`); the clock keeps its
    /// speed and its running or paused state. The name must be in the catalog (`definition(for:)`).
    package func load(scenario name: String, seed: UInt64, in db: Database) throws -> ChangeOutcome {
        let fresh = try Simulation(
            scenarioNamed: name, seed: seed, configuration: configuration, flagSecret: flagSecret, catalog: catalog)
        var outcome = try change(in: db) { runtime in
            runtime.replace(with: fresh)
            return [.reset]
        }
        outcome.events.append(
            SimulationEvent(.scenario, encoding: ScenarioEvent(event: .loaded, status: outcome.scenario)))
        return outcome
    }

    /// The scenario named `name`, or the invalid-params error naming the ones there are.
    package func definition(for name: String, field: String) throws -> ScenarioDefinition {
        guard let definition = catalog.definition(named: name) else {
            throw RPCError.invalidParams(
                field: field,
                "no scenario named \"\(name)\"; known: \(catalog.scenarios.map(\.name).joined(separator: ", "))")
        }
        return definition
    }

    static func notPaused() -> RPCError {
        .invalidState("the simulation is running; pause it (sim.pause) before stepping", ["state": "running"])
    }

    /// Applies `body` (and then `simulate`) under the lock, saves the result in `db`, and
    /// describes it.
    private func change(
        in db: Database, _ body: (inout SimulationRuntime) throws -> [SimEvent.Kind],
        simulate: (inout SimulationRuntime) -> [SimulationEvent] = { _ in [] }
    ) throws -> ChangeOutcome {
        let (record, outcome) = try runtime.withLock { runtime in
            let kinds = try body(&runtime)
            let produced = simulate(&runtime)
            let record = try runtime.record()
            runtime.savedTick = record.tick
            let status = runtime.status
            let simEvents = kinds.map { SimulationEvent(.sim, encoding: SimEvent(event: $0, status: status)) }
            return (
                record,
                ChangeOutcome(
                    status: status, scenario: runtime.simulation.scenarioStatusInfo, events: simEvents + produced)
            )
        }
        try SimulationStateTable.save(record, in: db)
        return outcome
    }
}
