import Testing

@testable import SocSim

@Suite struct SimScenarioTests {
    let server = IPv4Address(10, 0, 0, 10)

    /// Runs `ticks` ticks, adding `rules` to the firewall at `ruleTick` as a learner would.
    func play(
        _ scenario: String, seed: UInt64 = 17, ruleTick: Int = 60, ticks: Int = 500,
        rules: (Simulation, inout BlockListFilter) -> Void
    ) throws -> Simulation {
        var simulation = try makeSimulation(scenario, seed: seed, secret: testSecret)
        var filter = BlockListFilter()
        simulation.step(ticks: ruleTick, filter: &filter)
        rules(simulation, &filter)
        simulation.step(ticks: ticks - ruleTick, filter: &filter)
        return simulation
    }

    @Test func catalogHasTheRoomsScenarioAndHarderVariants() throws {
        let catalog = ScenarioCatalog.standard
        #expect(catalog.definition(named: ScenarioCatalog.defaultScenarioName)?.difficulty == .introductory)
        #expect(catalog.scenarios.count >= 3)
        for scenario in catalog.scenarios {
            #expect(!scenario.objective.isEmpty && scenario.hints.count >= 2)
        }
        #expect(throws: SimulationError.self) { try makeSimulation("no-such-scenario", seed: 1) }
    }

    @Test func unprotectedSiteGoesDown() throws {
        let simulation = try play("web-flood") { _, _ in }
        #expect(simulation.siteHealth == .down)
        #expect(simulation.webServer.load > 2)
        let status = simulation.scenarioStatus
        #expect(!status.solved && status.flag == nil && status.attackStarted)
        #expect(status.ticksProtected == 0)
        #expect(simulation.counters.legitimateRefusedByServer > 0)
    }

    @Test func theAttackerCanBeFoundInTheFirewallLog() throws {
        var simulation = try makeSimulation(seed: 17)
        var filter = AcceptAllPacketFilter()
        simulation.step(ticks: 60, filter: &filter)
        var perSource: [IPv4Address: Int] = [:]
        for record in simulation.logs.tail(.firewall, limit: .max)
        where record.field(named: "destination.port") == .integer(80) {
            if let source = record.field(named: "source.ip")?.addressValue { perSource[source, default: 0] += 1 }
        }
        let top = perSource.max { $0.value < $1.value }?.key
        #expect(top == simulation.initialAttackerAddresses.first)
    }

    @Test func blockingTheAttackerSolvesTheRoom() throws {
        let simulation = try play("web-flood") { simulation, filter in
            filter.add(source: .host(simulation.initialAttackerAddresses[0]), destination: server, destinationPort: 80)
        }
        #expect(simulation.siteHealth == .up)
        let status = simulation.scenarioStatus
        let outcome = try #require(status.outcome)
        // The attack began at tick 30; the rule took effect at tick 60; 100 clean ticks later it is solved.
        #expect(outcome.ticksToSolve == 30)
        #expect(outcome.solvedAtTick == 159)
        #expect(outcome.legitimateSuccessRate == 1)
        #expect(outcome.score == 100)
        #expect(outcome.attackPacketsBlocked > 10_000)
        #expect(outcome.legitimatePacketsLost > 0)  // refused while the server was overloaded
        #expect(status.flag == ScenarioFlag.derive(scenarioName: "web-flood", seed: 17, secret: testSecret))
        #expect(simulation.counters.maliciousReachedServer > 0)
        #expect(simulation.progress.lastMaliciousDeliveryTick == 59)
    }

    @Test func blockingAllOfPort80DoesNotSolveIt() throws {
        let simulation = try play("web-flood") { _, filter in
            filter.add(destination: server, destinationPort: 80)
        }
        let status = simulation.scenarioStatus
        #expect(!status.solved && status.flag == nil)
        #expect(status.ticksProtected == 440)
        #expect((status.legitimateSuccessRate ?? 1) < 0.5)
        #expect(simulation.siteHealth == .down)
        #expect(simulation.counters.legitimateBlocked > 1_000)
    }

    @Test func lateRulesStillSolveButScoreLess() throws {
        let simulation = try play("web-flood", ruleTick: 3_000, ticks: 3_200) { simulation, filter in
            filter.add(source: .host(simulation.initialAttackerAddresses[0]), destinationPort: 80)
        }
        let outcome = try #require(simulation.scenarioStatus.outcome)
        #expect(outcome.ticksToSolve == 2_970)
        #expect(outcome.score < 100 && outcome.score >= 60)
    }

    @Test func rotatingAttackDefeatsSingleAddressRules() throws {
        let simulation = try play("web-flood-rotating") { simulation, filter in
            for attacker in simulation.initialAttackerAddresses { filter.add(source: .host(attacker)) }
        }
        #expect(!simulation.scenarioStatus.solved)
        #expect(simulation.counters.maliciousBlocked > 0)
    }

    @Test func aCIDRRuleSolvesTheRotatingAttack() throws {
        let simulation = try play("web-flood-rotating") { simulation, filter in
            filter.add(source: simulation.attackerNetwork, destination: server, destinationPort: 80)
        }
        let outcome = try #require(simulation.scenarioStatus.outcome)
        #expect(outcome.score == 100)
        #expect(simulation.scenarioStatus.flag?.hasPrefix("SOC{") == true)
    }

    @Test func droppingTheSharedGatewayLocksThePartnerOut() throws {
        let simulation = try play("login-flood-shared-gateway") { simulation, filter in
            filter.add(source: .host(simulation.initialAttackerAddresses[0]))
        }
        let status = simulation.scenarioStatus
        #expect(!status.solved)
        #expect(status.ticksProtected >= 100)
        #expect((status.legitimateSuccessRate ?? 1) < 0.9)
    }

    @Test func aPortPreciseRuleSolvesTheSharedGateway() throws {
        let simulation = try play("login-flood-shared-gateway") { simulation, filter in
            filter.add(source: .host(simulation.initialAttackerAddresses[0]), destination: server, destinationPort: 80)
        }
        let outcome = try #require(simulation.scenarioStatus.outcome)
        #expect(outcome.score == 100)
        // The partner kept using HTTPS from the attacker's address after the rule.
        let fromGateway = simulation.logs.webAccess.elements(sinceTick: 60).filter {
            $0.client == simulation.initialAttackerAddresses[0]
        }
        #expect(!fromGateway.isEmpty && fromGateway.allSatisfy { $0.serverPort == 443 })
    }

    @Test func rejectBlocksLikeDrop() throws {
        let simulation = try play("web-flood") { simulation, filter in
            filter.add(source: .host(simulation.initialAttackerAddresses[0]), action: .reject)
        }
        #expect(simulation.scenarioStatus.solved)
        #expect(simulation.counters.rejected > 0 && simulation.counters.dropped == 0)
        #expect(simulation.logs.firewall.elements.contains { $0.verdict == PacketVerdict(action: .reject, ruleID: 1) })
    }

    @Test func theFilterSeesEveryPacketWithTheSimulatedClock() throws {
        struct RecordingFilter: PacketFilter {
            var times: [Int64] = []
            mutating func decide(_ packet: FiveTuple, nowMilliseconds: Int64) -> PacketVerdict {
                if times.last != nowMilliseconds { times.append(nowMilliseconds) }
                return .acceptByPolicy
            }
        }
        var simulation = try makeSimulation(seed: 2)
        var filter = RecordingFilter()
        simulation.step(ticks: 3, filter: &filter)
        let origin = SimulationClock.standard.originEpochMilliseconds
        #expect(filter.times == [origin, origin + 100, origin + 200])
        #expect(simulation.nowMilliseconds == origin + 300)
        #expect(simulation.tick == 3)
    }
}
