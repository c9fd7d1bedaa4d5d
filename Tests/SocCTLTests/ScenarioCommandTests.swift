import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct ScenarioCommandTests {
    @Test func statusShowsTheObjectiveAndTheProgress() throws {
        let server = try rulesServer(["scenario.status": SimFixtures.scenarioStatus()])
        let run = SimRun(["--socket", server.socketPath, "scenario", "status"], columns: 80)
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                The website is under attack (web-flood, introductory, seed 42)

                Objective: The web server is flooded with requests on port 80. Find where the
                red packets come from and add the firewall rule that stops them, without cutting
                off the site's real visitors.

                progress  [████████░░░░░░░░░░░░]  40%  40 of 100 ticks with no attack packet through the firewall
                attack    under way; 1,234 packets blocked, 56 got through
                visitors  98% of legitimate packets succeed; 111 lost
                solved    no

                2 hints: socctl scenario status --hints

                """)
        _ = server.finish()
    }

    @Test func theFlagAppearsOnceSolvedAndHintsOnRequest() throws {
        let server = try rulesServer(["scenario.status": SimFixtures.scenarioStatus(solved: true)])
        let run = SimRun(["--socket", server.socketPath, "scenario", "status", "--hints", "--ascii"], columns: 80)
        #expect(
            run.standardOutput.hasSuffix(
                """
                progress  [####################] 100%
                attack    under way; 1,234 packets blocked, 56 got through
                visitors  98% of legitimate packets succeed; 111 lost
                solved    yes, at tick 540, 45.2 s after the attack began; score 87/100
                flag      SOC{2f9c4e1ab7d05e3c}

                hint 1  Watch the traffic: red packets are the attack. Which source address do
                        they share?
                hint 2  In the firewall log, one SRC sends far more packets to DPT=80 than any
                        visitor.

                """))
        _ = server.finish()
    }

    @Test func aLostScenarioSaysHowTheAttackerGotInAndHowToTryAgain() throws {
        let server = try rulesServer(["scenario.status": SimFixtures.compromisedStatus])
        let run = SimRun(["--socket", server.socketPath, "scenario", "status", "--ascii"], columns: 80)
        #expect(run.status == .success)
        #expect(
            run.standardOutput.hasSuffix(
                """
                progress  [--------------------]   0%  lost: the attacker got in at tick 1834
                attack    under way; 0 packets blocked, 3,941 got through
                visitors  100% of legitimate packets succeed; 0 lost
                solved    no, and it cannot be any more

                Compromised at tick 1834: the attacker logged in to web-server over SSH as
                deploy. Reload the scenario with 'socctl scenario load ssh-brute-force' to try
                again.

                2 hints: socctl scenario status --hints

                """), "\(run.standardOutput)")
        _ = server.finish()
    }

    @Test func theReasonComesFromWhatSocdRecorded() {
        var status = SimFixtures.decode(ScenarioStatusInfo.self, SimFixtures.compromisedStatus)
        status.compromise = ScenarioCompromiseInfo(tick: 1_834, host: "db-1", service: "telnet", port: 23, user: "root")
        #expect(
            ScenarioText.lossNotice(status)
                == "Compromised at tick 1834: the attacker logged in to db-1 over TELNET as root. "
                + "Reload the scenario with 'socctl scenario load ssh-brute-force' to try again.")
        // A state resumed from before socd kept the details still says the scenario is lost.
        status.compromise = nil
        #expect(ScenarioText.lossNotice(status)?.hasPrefix("Compromised at tick 1834: the attacker got in. ") == true)
        status.state = .inProgress
        #expect(ScenarioText.lossNotice(status) == nil)
    }

    @Test func jsonCarriesTheCompromise() throws {
        let server = try rulesServer(["scenario.status": SimFixtures.compromisedStatus])
        let run = SimRun(["--socket", server.socketPath, "scenario", "status", "--json"])
        let json = try JSONValue(parsing: run.standardOutput.dropLast().utf8)
        #expect(json == SimFixtures.compromisedStatus)
        #expect(json["state"] == "compromised" && json["compromisedAtTick"] == 1_834)
        _ = server.finish()
    }

    @Test func listMarksTheLoadedScenario() throws {
        let catalog: JSONValue = [
            "current": "web-flood", "default": "web-flood",
            "scenarios": [
                [
                    "name": "web-flood", "title": "The website is under attack", "difficulty": "introductory",
                    "objective": "Stop it.", "hints": [], "solvedWhen": "No attack packet...", "windowTicks": 100,
                ],
                [
                    "name": "web-flood-rotating", "title": "The attack keeps changing address",
                    "difficulty": "intermediate", "objective": "Stop it.", "hints": [], "solvedWhen": "...",
                    "windowTicks": 100,
                ],
            ],
        ]
        let server = try rulesServer(["scenario.list": catalog])
        let run = SimRun(["--socket", server.socketPath, "scenario", "list"])
        #expect(
            run.standardOutput == """
                   NAME                DIFFICULTY    TITLE
                *  web-flood           introductory  The website is under attack
                   web-flood-rotating  intermediate  The attack keeps changing address
                * loaded; 'socctl scenario load NAME' starts another.

                """)
        _ = server.finish()
    }

    @Test func loadSendsTheNameAndSeed() throws {
        let server = try rulesServer(["scenario.load": SimFixtures.scenarioStatus()])
        let run = SimRun(
            ["--socket", server.socketPath, "scenario", "load", "web-flood", "--seed", "42"], columns: 200)
        #expect(run.standardOutput.hasPrefix("loaded web-flood (seed 42): The website is under attack\nObjective: "))
        #expect(server.finish() == [RuleReplies.request("scenario.load", #"{"name":"web-flood","seed":42}"#)])
    }

    @Test func jsonIsTheResultAsSent() throws {
        let server = try rulesServer(["scenario.status": SimFixtures.scenarioStatus(solved: true)])
        let run = SimRun(["--socket", server.socketPath, "scenario", "status", "--json"])
        #expect(try JSONValue(parsing: run.standardOutput.dropLast().utf8) == SimFixtures.scenarioStatus(solved: true))
        _ = server.finish()
    }
}

@Suite struct ScenarioProgressTests {
    @Test func keepingTheAttackOutWhileTheSiteIsDownIsNotShownAsDone() {
        var status = SimFixtures.decode(ScenarioStatusInfo.self, SimFixtures.scenarioStatus())
        status.ticksProtected = 100
        status.progress = 1
        #expect(
            ScenarioText.progressLine(status, glyphs: .ascii)
                == "[###################-]  99%  the attack is kept out, but too few visitors get through")
    }
}
