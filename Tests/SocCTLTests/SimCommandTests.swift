import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct SimCommandTests {
    static func server(connections: Int = 1) throws -> FakeServer {
        try rulesServer(
            connections: connections,
            [
                "sim.status": SimFixtures.simStatus(), "sim.pause": SimFixtures.simStatus(state: "paused"),
                "sim.resume": SimFixtures.simStatus(), "sim.step": SimFixtures.simStatus(state: "paused", tick: 64),
                "sim.speed": SimFixtures.simStatus(), "sim.reset": SimFixtures.simStatus(tick: 0),
            ])
    }

    @Test func statusIsALabelledBlock() throws {
        let server = try Self.server()
        let run = SimRun(["--socket", server.socketPath, "sim", "status"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                scenario    web-flood (seed 42)
                clock       running at 10 ticks/s, tick 54 (2024-05-14T09:00:05.400Z)
                site        down, server load 3.29
                packets     3,132: 3,000 accepted, 120 dropped, 12 rejected
                attack      2,784 sent, 132 blocked, 2,652 got through
                legitimate  348 sent, 237 succeeded, 111 lost (0 blocked, 111 refused by the busy server)
                solved      no

                """)
        _ = server.finish()
    }

    @Test func aLostScenarioSaysSoWhereItIsNotSolved() throws {
        var status = SimFixtures.simStatus(tick: 2_000)
        if case .object(var members) = status {
            members["compromisedAtTick"] = 1_524
            status = .object(members)
        }
        let server = try rulesServer(["sim.status": status])
        let run = SimRun(["--socket", server.socketPath, "sim", "status"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput.hasSuffix(
                "solved      no: the attacker got in at tick 1524 (socctl scenario status says how)\n"))
        _ = server.finish()
    }

    @Test func theClockCommandsSayWhatChanged() throws {
        let server = try Self.server(connections: 5)
        let socket = ["--socket", server.socketPath, "sim"]
        #expect(SimRun(socket + ["pause"]).standardOutput == "tick 54, paused (speed 10 ticks/s)\n")
        #expect(SimRun(socket + ["resume"]).standardOutput == "tick 54, running at 10 ticks/s\n")
        #expect(
            SimRun(socket + ["step", "10"]).standardOutput
                == "tick 64, paused (speed 10 ticks/s); site down, server load 3.29\n")
        #expect(SimRun(socket + ["speed", "paused"]).status == .success)
        #expect(
            SimRun(socket + ["reset", "--scenario", "web-flood", "--seed", "7"]).standardOutput
                == "reset to tick 0: web-flood, seed 42; running at 10 ticks/s\n")
        #expect(
            server.finish() == [
                RuleReplies.request("sim.pause", "{}"), RuleReplies.request("sim.resume", "{}"),
                RuleReplies.request("sim.step", #"{"ticks":10}"#),
                RuleReplies.request("sim.speed", #"{"ticksPerSecond":"paused"}"#),
                RuleReplies.request("sim.reset", #"{"scenario":"web-flood","seed":7}"#),
            ])
    }

    @Test func steppingARunningClockSaysWhichCommandPausesIt() throws {
        let refusal = RPCError.invalidState(
            "the simulation is running; pause it (sim.pause) before stepping", ["state": "running"])
        let server = try rulesServer([:], errors: ["sim.step": refusal])
        let run = SimRun(["--socket", server.socketPath, "sim", "step"])
        #expect(run.status != .success)
        #expect(run.standardError == "socctl: the simulation is running; pause it first with 'socctl sim pause'\n")
        _ = server.finish()
    }

    @Test func otherStepErrorsAreShownAsSent() throws {
        let server = try rulesServer(
            [:], errors: ["sim.step": .invalidState("the scenario is over", ["state": "lost"])])
        let run = SimRun(["--socket", server.socketPath, "sim", "step"])
        #expect(run.standardError == "socctl: the scenario is over\n")
        _ = server.finish()
    }

    @Test func aSpeedIsANumberInRangeOrPaused() {
        let run = SimRun(["--socket", "/nonexistent", "sim", "speed", "fast"])
        #expect(run.status == .usage)
        #expect(
            run.standardError
                == "socctl: invalid value 'fast' for TPS: expected ticks per second from 0.1 to 1000, or 'paused'\nTry 'socctl sim speed --help'.\n"
        )
        #expect(SimRun(["--socket", "/nonexistent", "sim", "speed", "5000"]).status == .usage)
        #expect(SimRun(["--socket", "/nonexistent", "sim", "step", "0"]).status == .usage)
    }

    @Test func jsonIsTheResultAsSent() throws {
        let server = try Self.server()
        let run = SimRun(["--socket", server.socketPath, "sim", "step", "--json"])
        #expect(
            try JSONValue(parsing: run.standardOutput.dropLast().utf8)
                == SimFixtures.simStatus(state: "paused", tick: 64))
        #expect(server.finish() == [RuleReplies.request("sim.step", "{}")])
    }
}
