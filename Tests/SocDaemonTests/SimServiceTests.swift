import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim
import SocStore
import Testing

@testable import SocDaemon

@Suite("Simulation service")
struct SimServiceTests {
    @Test func startsWithTheRoomsScenarioRunningAtTenTicksASecondAndARandomSeed() throws {
        let first = try SimHarness()
        defer { first.closeAndRemove() }
        let second = try SimHarness()
        defer { second.closeAndRemove() }
        let status = first.simulation.status
        #expect(status.scenario == "web-flood")
        #expect(status.state == .running)
        #expect(status.ticksPerSecond == 10)
        #expect(status.tick == 0)
        #expect(SimSeed.range.contains(status.seed))
        #expect(status.seed != second.simulation.status.seed, "two installs drew the same 53-bit seed")
    }

    @Test func steppingWhilePausedAdvancesExactlyThatManyTicks() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        try harness.pause()
        #expect(try harness.step(1).tick == 1)
        let status = try harness.step(49)
        #expect(status.tick == 50)
        #expect(status.state == .paused)
        #expect(status.counters.packets > 0)
        #expect(status.counters.maliciousPackets > 0, "the flood starts at tick 30")
    }

    @Test func steppingWhileRunningIsRefusedWithInvalidState() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        #expect(!harness.simulation.isPaused)
        let error = try #require(throws: RPCError.self) { try harness.step(1) }
        #expect(error.code == RPCErrorCode.invalidState)
        #expect(error.kind == "invalidState")
        #expect(harness.simulation.status.tick == 0)
    }

    @Test func theSameSeedAndTheSameRuleChangesAtTheSameTicksReplayIdentically() throws {
        func run() throws -> (lines: [String], traffic: [TrafficPacket], counters: SimCounters) {
            let harness = try SimHarness()
            defer { harness.closeAndRemove() }
            try harness.pause()
            try harness.load(seed: 4242)
            try harness.step(40)
            try harness.addRule(src: try harness.observedAttacker(), dst: "10.0.0.10", dport: 80)
            try harness.step(25)
            try harness.addRule(src: "10.0.0.21", action: "REJECT")
            try harness.step(25)
            let lines = LogDataset.allCases.flatMap { dataset in
                harness.simulation.withSimulation { $0.logs.tail(dataset, limit: 100_000).map(\.nativeLine) }
            }
            // Packet ids and verdicts only: rule ids differ between databases only if numbering did.
            return (
                lines, harness.simulation.recentTraffic(limit: 5_000, malicious: nil, host: nil).packets,
                harness.simulation.status.counters
            )
        }
        let first = try run()
        let second = try run()
        #expect(first.lines.count > 1_000)
        #expect(first.lines == second.lines)
        #expect(first.traffic == second.traffic)
        #expect(first.counters == second.counters)
        #expect(first.counters.rejected > 0 && first.counters.maliciousBlocked > 0)
    }

    @Test func aDifferentSeedGivesADifferentRun() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        try harness.pause()
        try harness.load(seed: 1)
        try harness.step(40)
        let first = harness.simulation.recentTraffic(limit: 5_000, malicious: nil, host: nil).packets
        try harness.load(seed: 2)
        try harness.step(40)
        #expect(harness.simulation.recentTraffic(limit: 5_000, malicious: nil, host: nil).packets != first)
    }

    @Test func blockingTheAttackerSolvesTheRoomAndYieldsTheFlag() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        try harness.pause()
        try harness.load(seed: 99)
        try harness.step(40)
        #expect(harness.simulation.scenarioStatus.flag == nil)
        let attacker = try harness.observedAttacker()
        #expect(harness.simulation.attackerAddresses.map(\.description) == [attacker])
        let ruleID = try harness.addRule(src: attacker, dst: "10.0.0.10", dport: 80)
        try harness.step(150)
        let status = harness.simulation.scenarioStatus
        #expect(status.solved)
        #expect(status.progress == 1)
        let flag = try #require(status.flag)
        #expect(flag == ScenarioFlag.derive(scenarioName: "web-flood", seed: 99, secret: SimHarness.secret))
        #expect(flag.hasPrefix("SOC{") && flag.hasSuffix("}"))
        let outcome = try #require(status.outcome)
        #expect(outcome.attackPacketsBlocked > 0)
        #expect(outcome.score >= 60)
        #expect(outcome.secondsToSolve == Double(outcome.ticksToSolve) / 10)
        #expect((harness.firewall.rule(id: ruleID)?.hits ?? 0) > 0, "the live firewall decided the packets")
    }

    @Test func blockingAllOfPortEightyDoesNotSolveIt() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        try harness.pause()
        try harness.load(seed: 99)
        try harness.step(40)
        try harness.addRule(dst: "10.0.0.10", dport: 80)
        let status = try harness.step(400)
        let scenario = harness.simulation.scenarioStatus
        #expect(!scenario.solved)
        #expect(scenario.flag == nil)
        #expect(status.siteHealth == .down)
        #expect(scenario.legitimatePacketsLost > 0)
    }

    @Test func stateSurvivesAReopenThroughTheStore() throws {
        let directory = try SimTestDirectory()
        defer { directory.remove() }
        let before: (SimStatusInfo, ScenarioStatusInfo, [UInt64])
        do {
            let harness = try SimHarness(directory: directory)
            try harness.pause()
            try harness.load("web-flood-rotating", seed: 31337)
            try harness.step(77)
            before = (
                harness.simulation.status, harness.simulation.scenarioStatus,
                harness.simulation.withSimulation { $0.snapshot.randomState }
            )
            harness.store.close()
        }
        let reopened = try SimHarness(directory: directory)
        defer { reopened.close() }
        #expect(reopened.simulation.status == before.0)
        #expect(reopened.simulation.scenarioStatus == before.1)
        #expect(reopened.simulation.withSimulation { $0.snapshot.randomState } == before.2)
        let saved = try reopened.store.read { db in try SimulationStateTable.load(in: db) }
        #expect(saved?.tick == 77)
        #expect(saved?.seed == 31337)
        #expect(saved?.paused == true)
    }

    @Test func aResumedRunContinuesExactlyAsAnUninterruptedOne() throws {
        let directory = try SimTestDirectory()
        defer { directory.remove() }
        do {
            let harness = try SimHarness(directory: directory)
            try harness.pause()
            try harness.load(seed: 5)
            try harness.step(60)
            harness.store.close()
        }
        let resumed = try SimHarness(directory: directory)
        defer { resumed.close() }
        try resumed.step(60)

        let straight = try SimHarness()
        defer { straight.closeAndRemove() }
        try straight.pause()
        try straight.load(seed: 5)
        try straight.step(120)
        let tail: (SimHarness) -> [String] = { harness in
            harness.simulation.withSimulation {
                $0.logs.tail(.firewall, limit: 100_000, sinceTick: 60).map(\.nativeLine)
            }
        }
        #expect(resumed.simulation.status.counters == straight.simulation.status.counters)
        #expect(tail(resumed) == tail(straight))
    }

    @Test func aSavedStateThatCannotBeResumedFallsBackToTheDefaultScenario() throws {
        let directory = try SimTestDirectory()
        defer { directory.remove() }
        do {
            let harness = try SimHarness(directory: directory)
            try harness.store.write { db in
                try db.execute("UPDATE simulation_state SET snapshot = '{\"formatVersion\": 99}'")
            }
            harness.store.close()
        }
        let reopened = try SimHarness(directory: directory)
        defer { reopened.close() }
        #expect(reopened.simulation.status.scenario == "web-flood")
        #expect(reopened.logs.all.contains { $0.contains("cannot resume the saved simulation") })
    }

    @Test func speedAndPauseArePersistedWithTheState() throws {
        let directory = try SimTestDirectory()
        defer { directory.remove() }
        do {
            let harness = try SimHarness(directory: directory)
            let simulation = harness.simulation
            _ = try harness.store.write { db in try simulation.setSpeed(.ticksPerSecond(250), in: db) }
            #expect(simulation.status.ticksPerSecond == 250)
            #expect(simulation.status.state == .running)
            _ = try harness.store.write { db in try simulation.setSpeed(.paused, in: db) }
            harness.store.close()
        }
        let reopened = try SimHarness(directory: directory)
        defer { reopened.close() }
        #expect(reopened.simulation.status.state == .paused)
        #expect(reopened.simulation.status.ticksPerSecond == 250)
    }

    @Test func theClockAdvancesInRealTimeAndStopsWhenPaused() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        let simulation = harness.simulation
        _ = try harness.store.write { db in try simulation.setSpeed(.ticksPerSecond(200), in: db) }
        try simulation.start()
        usleep(500_000)
        let pausedAt = try harness.pause().tick
        // 200 ticks/s for half a second: about 100, with room for a loaded machine.
        #expect(pausedAt >= 40 && pausedAt <= 130, "\(pausedAt) ticks in 0.5 s at 200 ticks/s")
        usleep(200_000)
        #expect(simulation.status.tick == pausedAt)
    }

    @Test func withoutASecretAScenarioSolvesButShowsNoFlag() throws {
        let harness = try SimHarness(flagSecret: nil)
        defer { harness.closeAndRemove() }
        try harness.pause()
        try harness.load(seed: 99)
        try harness.step(40)
        try harness.addRule(src: try harness.observedAttacker(), dst: "10.0.0.10", dport: 80)
        try harness.step(150)
        #expect(harness.simulation.scenarioStatus.solved)
        #expect(harness.simulation.scenarioStatus.flag == nil)
    }
}
