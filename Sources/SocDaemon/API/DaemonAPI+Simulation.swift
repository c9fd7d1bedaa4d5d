import JSONRPC
import SocProtocol
import SocSim
import SocStore

extension DaemonAPI {
    static func registerSimulation(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        let simulation = services.simulation
        let revert: @Sendable () -> Void = { simulation.reload() }
        let announce: @Sendable (SimulationService.ChangeOutcome) -> SimStatusInfo = { outcome in
            simulation.announce(outcome)
            return outcome.status
        }

        router.register(SimStatusRequest.self) { _, _ in simulation.status }

        router.registerChange(SimPauseRequest.self, services) { _, _ in
            StateChange(persist: { db in try simulation.pause(in: db) }, apply: announce, revert: revert)
        }

        router.registerChange(SimResumeRequest.self, services) { _, _ in
            StateChange(persist: { db in try simulation.resume(in: db) }, apply: announce, revert: revert)
        }

        router.registerChange(SimStepRequest.self, services) { params, _ in
            let ticks = params.ticks ?? 1
            guard (1...SimStepRequest.maximumTicks).contains(ticks) else {
                throw RPCError.invalidParams(field: "ticks", "\(ticks) is outside 1-\(SimStepRequest.maximumTicks)")
            }
            // Checked again under the lock; this early check keeps a refused step off the writer.
            guard simulation.isPaused else { throw SimulationService.notPaused() }
            return StateChange(
                persist: { db in try simulation.step(ticks: ticks, in: db) }, apply: announce, revert: revert)
        }

        router.registerChange(SimSpeedRequest.self, services) { params, _ in
            if case .ticksPerSecond(let rate) = params.ticksPerSecond, !SimSpeedInput.range.contains(rate) {
                throw RPCError.invalidParams(
                    field: "ticksPerSecond", "\(rate) is outside 0.1-1000 ticks per second (or give \"paused\")")
            }
            return StateChange(
                persist: { db in try simulation.setSpeed(params.ticksPerSecond, in: db) }, apply: announce,
                revert: revert)
        }

        router.registerChange(SimResetRequest.self, services) { params, _ in
            let current = simulation.withSimulation { ($0.scenario.name, $0.seed) }
            let name = try simulation.definition(for: params.scenario ?? current.0, field: "scenario").name
            let seed = try params.seed.map { try validatedSeed($0) } ?? current.1
            return StateChange(
                persist: { db in try simulation.load(scenario: name, seed: seed, in: db) }, apply: announce,
                revert: revert)
        }

        router.register(ScenarioListRequest.self) { _, _ in simulation.scenarioList }

        router.registerChange(ScenarioLoadRequest.self, services) { params, _ in
            let name = try simulation.definition(for: params.name, field: "name").name
            let seed = try params.seed.map { try validatedSeed($0) } ?? RandomBytes.seed()
            return StateChange(
                persist: { db in try simulation.load(scenario: name, seed: seed, in: db) },
                apply: { outcome in
                    simulation.announce(outcome)
                    return outcome.scenario
                }, revert: revert)
        }

        router.register(ScenarioStatusRequest.self) { _, _ in simulation.scenarioStatus }

        router.register(TopologyGetRequest.self) { _, _ in simulation.topology }

        router.register(TrafficRecentRequest.self) { params, _ in
            let limit = try validatedLimit(
                params.limit, default: TrafficRecentRequest.defaultLimit, maximum: TrafficRecentRequest.maximumLimit)
            return simulation.recentTraffic(limit: limit, malicious: params.malicious, host: params.host)
        }

        router.register(LogSourcesRequest.self) { _, _ in LogSourcesRequest.Result(sources: simulation.logSources) }

        router.register(LogsTailRequest.self) { params, _ in
            let limit = try validatedLimit(
                params.limit, default: LogsTailRequest.defaultLimit, maximum: LogsTailRequest.maximumLimit)
            if let since = params.sinceTick, since < 0 {
                throw RPCError.invalidParams(field: "sinceTick", "\(since) is below 0")
            }
            return simulation.tail(params.source, limit: limit, sinceTick: params.sinceTick.map(Int64.init))
        }
    }

    private static func validatedSeed(_ seed: Int) throws -> UInt64 {
        guard SimSeed.range.contains(seed) else {
            throw RPCError.invalidParams(field: "seed", "\(seed) is outside 0-\(SimSeed.range.upperBound)")
        }
        return UInt64(seed)
    }

    private static func validatedLimit(_ limit: Int?, default defaultLimit: Int, maximum: Int) throws -> Int {
        let limit = limit ?? defaultLimit
        guard (1...maximum).contains(limit) else {
            throw RPCError.invalidParams(field: "limit", "\(limit) is outside 1-\(maximum)")
        }
        return limit
    }
}
