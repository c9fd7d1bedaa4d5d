import JSONRPC
import SocProtocol
import SocSim
import Testing

@testable import SocDaemon

/// A scenario the attacker wins, through the API: `scenario.status` says it is lost and how,
/// the figures stop pretending progress, and a `compromised` event goes out once.
@Suite struct ScenarioCompromiseTests {
    /// A paused ssh-brute-force with nothing blocked, stepped `ticks` ticks.
    static func bruteForcedDaemon(ticks: Int) throws -> RulesTestDaemon {
        let daemon = try RulesTestDaemon()
        try daemon.call("sim.pause")
        try daemon.call("scenario.load", ["name": "ssh-brute-force", "seed": 4242])
        try daemon.call("sim.step", ["ticks": .int(ticks)])
        return daemon
    }

    @Test func beforeTheRightGuessTheScenarioIsInProgress() throws {
        let daemon = try Self.bruteForcedDaemon(ticks: 200)
        defer { daemon.close() }
        let status = try daemon.call("scenario.status")
        #expect(status["state"] == "inProgress")
        #expect(status["compromisedAtTick"] == nil && status["compromise"] == nil)
        let through = try #require(status["attackPacketsThrough"]?.intValue)
        #expect(through > 200)
        let counters = try #require(try daemon.call("sim.status")["counters"])
        #expect(counters["maliciousThrough"]?.intValue == through)
        #expect(try daemon.call("sim.status")["compromisedAtTick"] == nil)
    }

    @Test func aGuessedPasswordShowsAsCompromisedWithHowTheAttackerGotIn() throws {
        let daemon = try Self.bruteForcedDaemon(ticks: 2_500)
        defer { daemon.close() }
        let status = try daemon.call("scenario.status")
        #expect(status["state"] == "compromised")
        #expect(status["solved"] == false && status["flag"] == nil)
        let tick = try #require(status["compromisedAtTick"]?.intValue)
        #expect(tick > 30 && tick < 2_500)
        let compromise = try #require(status["compromise"])
        #expect(compromise["tick"]?.intValue == tick)
        #expect(try daemon.call("sim.status")["compromisedAtTick"]?.intValue == tick)
        #expect(compromise["host"] == "web-server" && compromise["service"] == "ssh" && compromise["port"] == 22)
        let user = try #require(compromise["user"]?.stringValue)
        #expect(SSHBruteForceGenerator.serverAccounts.contains(user))
        // Ticks go on without the attack being blocked, but a lost scenario shows no progress.
        #expect(status["progress"] == 0.0)

        // The account is the one the server's log shows accepted.
        let records = try #require(
            try daemon.call("logs.tail", ["source": "auth", "sinceTick": .int(tick), "limit": 5_000])["records"]?
                .arrayValue)
        let atTheTick = records.filter { $0["tick"]?.intValue == tick }
        #expect(
            atTheTick.contains { ($0["line"]?.stringValue ?? "").contains("Accepted password for \(user) from") },
            "\(atTheTick)")
    }

    @Test func reloadingStartsAfresh() throws {
        let daemon = try Self.bruteForcedDaemon(ticks: 2_500)
        defer { daemon.close() }
        let reloaded = try daemon.call("scenario.load", ["name": "ssh-brute-force", "seed": 4242])
        #expect(reloaded["state"] == "inProgress" && reloaded["compromisedAtTick"] == nil)
    }

    @Test func theTrackerAnnouncesTheCompromiseOnce() throws {
        var simulation = try Simulation(scenarioNamed: "ssh-brute-force", seed: 4242, flagSecret: nil)
        var tracker = ScenarioProgressTracker(simulation)
        var filter = AcceptAllPacketFilter()
        var kinds: [ScenarioEvent.Kind] = []
        for _ in 0..<25 {
            simulation.step(ticks: 100, filter: &filter)
            if let kind = tracker.update(simulation) { kinds.append(kind) }
        }
        #expect(simulation.progress.compromisedAtTick != nil)
        #expect(kinds.filter { $0 == .compromised }.count == 1, "\(kinds)")
        #expect(!kinds.contains(.solved))
    }
}
