import Foundation
import Testing

@testable import SocSim

@Suite struct SimDeterminismTests {
    /// Two rule changes at fixed ticks, as a learner might make them.
    func run(seed: UInt64, ticks: Int) throws -> Simulation {
        var simulation = try makeSimulation("web-flood-rotating", seed: seed)
        var filter = BlockListFilter()
        simulation.step(ticks: 45, filter: &filter)
        filter.add(source: .host(simulation.initialAttackerAddresses[0]))
        simulation.step(ticks: 40, filter: &filter)
        filter.add(source: simulation.attackerNetwork, destinationPort: 80)
        simulation.step(ticks: ticks - 85, filter: &filter)
        return simulation
    }

    @Test func sameSeedAndRulesGiveIdenticalOutput() throws {
        let first = try run(seed: 1234, ticks: 300)
        let second = try run(seed: 1234, ticks: 300)
        let lines = outputLines(of: first)
        #expect(lines.count > 40_000)
        #expect(lines == outputLines(of: second))
        #expect(first.counters == second.counters)
        #expect(first.snapshot == second.snapshot)
    }

    @Test func otherSeedsGiveOtherOutput() throws {
        #expect(outputLines(of: try run(seed: 1234, ticks: 150)) != outputLines(of: try run(seed: 1235, ticks: 150)))
    }

    @Test func rulesChangeLogsButNotGeneratedTraffic() throws {
        var blocked = try makeSimulation(seed: 5)
        var open = try makeSimulation(seed: 5)
        var blockAll = BlockListFilter()
        blockAll.add()
        var acceptAll = AcceptAllPacketFilter()
        blocked.step(ticks: 200, filter: &blockAll)
        open.step(ticks: 200, filter: &acceptAll)
        #expect(blocked.recentTraffic.elements.map(\.packet) == open.recentTraffic.elements.map(\.packet))
        #expect(outputLines(of: blocked) != outputLines(of: open))
    }

    @Test(arguments: ScenarioCatalog.standard.scenarios.map(\.name))
    func snapshotRestoreResumesExactly(scenario: String) throws {
        let n = 137
        let m = 163
        func rules(_ simulation: Simulation) -> BlockListFilter {
            var filter = BlockListFilter()
            filter.add(source: .host(simulation.initialAttackerAddresses[0]), destinationPort: 80)
            return filter
        }

        var straight = try makeSimulation(scenario, seed: 99, secret: testSecret)
        var straightFilter = BlockListFilter()
        straight.step(ticks: 70, filter: &straightFilter)
        straightFilter = rules(straight)
        straight.step(ticks: n + m - 70, filter: &straightFilter)

        var first = try makeSimulation(scenario, seed: 99, secret: testSecret)
        var firstFilter = BlockListFilter()
        first.step(ticks: 70, filter: &firstFilter)
        firstFilter = rules(first)
        first.step(ticks: n - 70, filter: &firstFilter)

        // Through JSON, as the daemon persists it.
        let encoded = try JSONEncoder().encode(first.snapshot)
        let decoded = try JSONDecoder().decode(SimulationSnapshot.self, from: encoded)
        #expect(decoded == first.snapshot)
        var resumed = try Simulation(restoring: decoded, flagSecret: testSecret, retention: generousRetention)
        #expect(resumed.tick == Int64(n))
        resumed.step(ticks: m, filter: &firstFilter)

        #expect(outputLines(of: resumed, sinceTick: Int64(n)) == outputLines(of: straight, sinceTick: Int64(n)))
        #expect(resumed.snapshot == straight.snapshot)
        #expect(resumed.scenarioStatus == straight.scenarioStatus)
        #expect(resumed.siteHealth == straight.siteHealth)
    }

    @Test func badSnapshotsAreRefusedWithReasons() throws {
        let good = try makeSimulation(seed: 1).snapshot
        var unknown = good
        unknown.scenarioName = "gone"
        #expect(throws: SimulationError.unknownScenario("gone", known: ScenarioCatalog.standard.scenarios.map(\.name)))
        {
            try Simulation(restoring: unknown, flagSecret: nil)
        }
        var future = good
        future.formatVersion = 99
        #expect(throws: SimulationError.unsupportedSnapshot(version: 99)) {
            try Simulation(restoring: future, flagSecret: nil)
        }
        var zeroRandom = good
        zeroRandom.randomState = [0, 0, 0, 0]
        #expect(throws: SimulationError.self) { try Simulation(restoring: zeroRandom, flagSecret: nil) }
    }
}
