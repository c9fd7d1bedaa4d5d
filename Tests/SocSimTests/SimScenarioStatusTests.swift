import Foundation
import Testing

@testable import SocSim

/// What the learner is told about the run: attack packets through the firewall wherever they
/// went, and a scenario lost to an attacker who got in.
@Suite struct SimScenarioStatusTests {
    let server = "10.0.0.10"

    func run(
        _ scenario: String, ticks: Int, rules: (Simulation, inout RulesetPacketFilter) throws -> Void = { _, _ in }
    )
        throws -> Simulation
    {
        var simulation = try makeSimulation(scenario, seed: 17, secret: testSecret)
        var filter = RulesetPacketFilter()
        try rules(simulation, &filter)
        simulation.step(ticks: ticks, filter: &filter)
        return simulation
    }

    // MARK: Attack packets through

    @Test func theTunnelsQueriesCountAsThroughThoughNoneGoesToTheServer() throws {
        let simulation = try run("dns-tunnel", ticks: 300)
        let counters = simulation.counters
        #expect(counters.maliciousPackets > 500 && counters.maliciousBlocked == 0)
        #expect(counters.maliciousReachedServer == 0)
        #expect(counters.maliciousThrough == counters.maliciousPackets)
        #expect(simulation.scenarioStatus.attackPacketsThrough == counters.maliciousPackets)
    }

    @Test func theRogueDevicesUploadsCountAsThrough() throws {
        let simulation = try run("rogue-dhcp-device", ticks: 300)
        let counters = simulation.counters
        // Its SSH guesses reach the server; its DHCP and its uploads to the drop site do not.
        #expect(counters.maliciousReachedServer > 0)
        let uploads = simulation.recentTraffic.elements.filter {
            $0.packet.malicious && $0.packet.tuple.destination == simulation.initialAttackerAddresses[0]
        }
        #expect(uploads.count > 100 && uploads.allSatisfy { $0.outcome == .delivered })
        #expect(counters.maliciousThrough >= counters.maliciousReachedServer + uploads.count)
        #expect(counters.maliciousThrough == counters.maliciousPackets)
    }

    @Test func blockedPacketsAreNotThrough() throws {
        let simulation = try run("dns-tunnel", ticks: 300) { _, filter in
            try filter.add("10.0.0.22", "10.0.0.1", "ANY", "53")
        }
        let counters = simulation.counters
        #expect(counters.maliciousBlocked > 500)
        #expect(counters.maliciousThrough == 0)
        #expect(simulation.scenarioStatus.attackPacketsThrough == 0)
    }

    @Test(arguments: ["web-flood", "web-flood-rotating", "login-flood-shared-gateway"])
    func forTheFloodsThroughIsWhatReachedTheServer(scenario: String) throws {
        let simulation = try run(scenario, ticks: 200)
        #expect(simulation.counters.maliciousReachedServer > 1_000)
        #expect(simulation.counters.maliciousThrough == simulation.counters.maliciousReachedServer)
    }

    // MARK: Compromise

    @Test func aGuessedPasswordLosesTheScenarioAndSaysHow() throws {
        let simulation = try run("ssh-brute-force", ticks: 2_400)
        let status = simulation.scenarioStatus
        guard case .sshBruteForce(let bruteForce) = simulation.generators.first(where: \.isBruteForce) else {
            Issue.record("no brute force")
            return
        }
        let compromise = try #require(status.compromise)
        #expect(status.state == .compromised && !status.solved)
        #expect(status.compromisedAtTick == compromise.tick)
        #expect(compromise.host == "web-server" && compromise.service == "ssh" && compromise.port == 22)
        #expect(compromise.user == bruteForce.crackedUser)
        // The tick is the one the server logged the accepted password at.
        let accepted = try #require(
            simulation.logs.auth.elements.first { $0.succeeded && $0.client == simulation.initialAttackerAddresses[0] })
        #expect(accepted.tick == compromise.tick && accepted.user == compromise.user)
    }

    @Test func withNothingGuessedTheScenarioIsInProgress() throws {
        let status = try run("ssh-brute-force", ticks: 300).scenarioStatus
        #expect(status.state == .inProgress && status.compromise == nil && status.compromisedAtTick == nil)
    }

    @Test func aSolveStandsEvenIfTheAttackerGetsInLater() {
        var status = ScenarioStatus(
            name: "ssh-brute-force", title: "", objective: "", hints: [], attackStarted: true, ticksProtected: 0,
            windowTicks: 100, legitimateSuccessRate: 1, attackPacketsBlocked: 1, attackPacketsThrough: 0,
            legitimatePacketsLost: 0, outcome: nil, compromisedAtTick: nil, compromise: nil, flag: nil)
        #expect(status.state == .inProgress)
        status.compromisedAtTick = 900
        #expect(status.state == .compromised)
        status.outcome = ScenarioOutcome(
            solvedAtTick: 159, ticksToSolve: 30, attackPacketsBlocked: 1, legitimatePacketsLost: 0,
            legitimateSuccessRate: 1, score: 100)
        #expect(status.state == .solved)
    }

    @Test func theCompromiseSurvivesASnapshotAndAnOlderOneKeepsItsTick() throws {
        let simulation = try run("ssh-brute-force", ticks: 2_400)
        let encoded = try JSONEncoder().encode(simulation.progress)
        let decoded = try JSONDecoder().decode(ScenarioProgress.self, from: encoded)
        #expect(decoded == simulation.progress)
        #expect(decoded.compromise != nil)

        // Written before the details were kept: the tick alone.
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object["compromise"] = nil
        let older = try JSONDecoder().decode(
            ScenarioProgress.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.compromisedAtTick == simulation.progress.compromisedAtTick)
        #expect(older.compromise == nil)
    }
}

extension TrafficGenerator {
    fileprivate var isBruteForce: Bool {
        if case .sshBruteForce = self { return true }
        return false
    }
}
