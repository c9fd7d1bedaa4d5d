import Testing

@testable import SocSim

/// The scenarios beyond the room's flood, played through the real firewall: each stays unsolved
/// when nothing is done, is solved by the rule a learner should find, and fails with a rule too
/// broad for the legitimate traffic it shares a port or a network with.
@Suite struct SimAttackScenarioTests {
    let server = "10.0.0.10"
    let router = "10.0.0.1"

    /// Runs `ticks` ticks, adding `rules` to the firewall at `ruleTick` as a learner would.
    func play(
        _ scenario: String, seed: UInt64 = 17, ruleTick: Int = 60, ticks: Int = 500,
        rules: (Simulation, inout RulesetPacketFilter) throws -> Void
    ) throws -> Simulation {
        var simulation = try makeSimulation(scenario, seed: seed, secret: testSecret)
        var filter = RulesetPacketFilter()
        simulation.step(ticks: ruleTick, filter: &filter)
        try rules(simulation, &filter)
        simulation.step(ticks: ticks - ruleTick, filter: &filter)
        return simulation
    }

    func guardedSuccess(_ simulation: Simulation, _ service: GuardedService) throws -> Double? {
        let slot = try #require(simulation.scenario.check.guardedServices.firstIndex(of: service))
        return simulation.progress.guardedWindows[slot].successRate
    }

    @Test(arguments: ["ssh-brute-force", "port-scan-then-flood", "dns-tunnel", "rogue-dhcp-device"])
    func nothingDoneLeavesItUnsolved(scenario: String) throws {
        let simulation = try play(scenario) { _, _ in }
        let status = simulation.scenarioStatus
        #expect(status.attackStarted && !status.solved && status.flag == nil)
        #expect(status.ticksProtected == 0)
        #expect(simulation.counters.maliciousBlocked == 0 && simulation.counters.maliciousPackets > 100)
    }

    // MARK: ssh-brute-force

    @Test func theBruteForceShowsInTheAuthLog() throws {
        let simulation = try play("ssh-brute-force") { _, _ in }
        let attacker = simulation.initialAttackerAddresses[0]
        let failures = simulation.logs.auth.elements.filter { $0.client == attacker }
        #expect(failures.count > 800 && failures.allSatisfy { !$0.succeeded })
        #expect(failures.contains { $0.nativeLine.contains("Failed password for invalid user test from \(attacker)") })
        #expect(failures.contains { $0.nativeLine.contains("Failed password for root from \(attacker)") })
    }

    @Test func blockingTheBruteForcerSolvesItAndTheAdministratorsKeepLoggingIn() throws {
        let simulation = try play("ssh-brute-force", ticks: 2_500) { simulation, filter in
            try filter.add("\(simulation.initialAttackerAddresses[0])", server, "ANY", "22")
        }
        let outcome = try #require(simulation.scenarioStatus.outcome)
        #expect(outcome.solvedAtTick == 159 && outcome.score == 100)
        // The right guess came and was dropped: no compromise.
        guard case .sshBruteForce(let bruteForce) = simulation.generators.first(where: \.isSSHBruteForce) else {
            Issue.record("no brute force")
            return
        }
        #expect(bruteForce.hasSentTheRightPassword)
        #expect(simulation.progress.compromisedAtTick == nil)
        let admins = simulation.logs.auth.elements(sinceTick: 60).filter { $0.client == IPv4Address(10, 0, 0, 21) }
        #expect(admins.filter(\.succeeded).count > 100)
        #expect(try guardedSuccess(simulation, .ssh) == 1)
    }

    @Test func blockingAllOfPort22LocksTheAdministratorsOut() throws {
        let simulation = try play("ssh-brute-force") { _, filter in
            try filter.add("ANY", server, "ANY", "22")
        }
        let status = simulation.scenarioStatus
        #expect(!status.solved && status.ticksProtected == 440)
        #expect(try guardedSuccess(simulation, .ssh) == 0)
        // The web traffic dwarfs SSH: only the guarded window tells the rule is too broad.
        #expect((status.legitimateSuccessRate ?? 0) >= 0.9)
    }

    @Test func anAttackerWhoGuessesThePasswordWins() throws {
        let simulation = try play("ssh-brute-force", ruleTick: 2_300, ticks: 2_600) { simulation, filter in
            try filter.add("\(simulation.initialAttackerAddresses[0])", server, "ANY", "22")
        }
        let status = simulation.scenarioStatus
        let compromised = try #require(status.compromisedAtTick)
        #expect(compromised > 1_000 && compromised < 2_300)
        // Blocked long enough, but too late.
        #expect(!status.solved && status.ticksProtected == 300)
        let accepted = simulation.logs.auth.elements.filter {
            $0.succeeded && $0.client == simulation.initialAttackerAddresses[0]
        }
        #expect(accepted.count == 1 && accepted[0].nativeLine.contains("Accepted password for "))
    }

    // MARK: port-scan-then-flood

    @Test func theScanShowsInTheFirewallLogThenTheFloodTakesTheSiteDown() throws {
        let simulation = try play("port-scan-then-flood") { _, _ in }
        let scanner = simulation.initialAttackerAddresses[0]
        let probes = simulation.logs.firewall.elements.filter { $0.tuple.source == scanner && $0.tcpFlags == .syn }
        #expect(Set(probes.map(\.tuple.destinationPort)) == Set(1...1_024))
        #expect(probes.allSatisfy { $0.tick >= 30 && $0.tick < 200 })
        #expect(
            probes.allSatisfy {
                $0.nativeLine.hasSuffix(
                    " DST=10.0.0.10 LEN=44 PROTO=TCP SPT=\($0.tuple.sourcePort) DPT=\($0.tuple.destinationPort) SYN")
            })
        #expect(simulation.logs.webAccess.elements.contains { $0.client == scanner })
        #expect(simulation.siteHealth == .down)
    }

    @Test func blockingTheScannerBeforeTheFloodSolvesIt() throws {
        let simulation = try play("port-scan-then-flood") { simulation, filter in
            try filter.add("\(simulation.initialAttackerAddresses[0])", server, "ANY", "ANY")
        }
        let outcome = try #require(simulation.scenarioStatus.outcome)
        // Protected from tick 60: solved before the flood (tick 200) even began.
        #expect(outcome.solvedAtTick == 159 && outcome.score == 100)
        #expect(simulation.counters.serverRefused == 0)
        #expect(simulation.siteHealth == .up)
    }

    @Test func aPort80RuleAfterTheFloodBeganStillSolves() throws {
        let simulation = try play("port-scan-then-flood", ruleTick: 250, ticks: 500) { simulation, filter in
            try filter.add("\(simulation.initialAttackerAddresses[0])", server, "ANY", "80")
        }
        let outcome = try #require(simulation.scenarioStatus.outcome)
        #expect(outcome.solvedAtTick == 349 && outcome.ticksToSolve == 220)
        #expect(outcome.legitimatePacketsLost > 0)
    }

    @Test func blockingAllOfPort80TakesTheSiteDown() throws {
        let simulation = try play("port-scan-then-flood") { _, filter in
            try filter.add("ANY", server, "ANY", "80")
        }
        let status = simulation.scenarioStatus
        // The flood is stopped, and the probes ended at tick 157, but the visitors are cut off too.
        #expect(!status.solved && status.ticksProtected == 342)
        #expect((status.legitimateSuccessRate ?? 1) < 0.5)
    }

    // MARK: dns-tunnel

    @Test func theTunnelShowsInTheDNSLog() throws {
        let simulation = try play("dns-tunnel") { _, _ in }
        let machine = IPv4Address(10, 0, 0, 22)
        let queries = simulation.logs.dns.elements.filter { $0.client == machine }
        #expect(queries.count > 1_000 && queries.allSatisfy { $0.type == .txt && $0.name.utf8.count > 50 })
        let domains = Set(queries.map { $0.name.split(separator: ".").suffix(2).joined(separator: ".") })
        #expect(domains.count == 1 && ScenarioWorld.tunnelDomains.contains(domains.first!))
        // The machine's user is away: nothing else comes from it.
        #expect(
            simulation.recentTraffic.elements.allSatisfy { $0.packet.tuple.source != machine || $0.packet.malicious })
        #expect(simulation.logs.dns.elements.contains { $0.client == IPv4Address(10, 0, 0, 21) })
    }

    @Test(arguments: [("10.0.0.22", "10.0.0.1", "53"), ("10.0.0.22", "ANY", "ANY")])
    func blockingTheMachinesLookupsOrTheMachineSolvesIt(src: String, dst: String, dport: String) throws {
        let simulation = try play("dns-tunnel") { _, filter in try filter.add(src, dst, "ANY", dport) }
        let outcome = try #require(simulation.scenarioStatus.outcome)
        #expect(outcome.solvedAtTick == 159 && outcome.score == 100)
        #expect(try guardedSuccess(simulation, .dns) == 1)
    }

    @Test func blockingAllDNSBreaksTheOffice() throws {
        let simulation = try play("dns-tunnel") { _, filter in try filter.add("ANY", router, "ANY", "53") }
        let status = simulation.scenarioStatus
        #expect(!status.solved && status.ticksProtected == 440)
        #expect(try guardedSuccess(simulation, .dns) == 0)
        #expect((status.legitimateSuccessRate ?? 0) >= 0.9)
    }

    // MARK: rogue-dhcp-device

    /// What a learner reads in the DHCP log: the address acknowledged to a MAC outside the inventory.
    func rogueLease(in simulation: Simulation) throws -> (MACAddress, IPv4Address) {
        let inventory = DeviceInventory(topology: simulation.topology)
        let ack = try #require(
            simulation.logs.dhcp.elements.first { $0.messageType == .ack && !inventory.knows($0.clientMAC) })
        return (ack.clientMAC, try #require(ack.address))
    }

    @Test func theDeviceShowsInTheDHCPLogWithItsLease() throws {
        let simulation = try play("rogue-dhcp-device") { _, _ in }
        let (mac, address) = try rogueLease(in: simulation)
        #expect(mac.description.hasPrefix("b8:27:eb:"))
        #expect(DHCPServerModel.roomPool.contains(address.value))
        let lines = simulation.logs.dhcp.elements.filter { $0.clientMAC == mac }.map(\.nativeLine)
        #expect(lines.count == 4)
        #expect(lines.contains { $0.hasSuffix("DHCPACK on \(address) to \(mac) (raspberrypi) via eth1") })
        // What it then does comes from the leased address.
        let fromDevice = simulation.recentTraffic.elements.filter { $0.packet.tuple.source == address }
        #expect(fromDevice.count > 400 && fromDevice.allSatisfy(\.packet.malicious))
        #expect(simulation.logs.auth.elements.contains { $0.client == address && $0.user == "pi" })
    }

    @Test func blockingTheLeasedAddressSolvesIt() throws {
        let simulation = try play("rogue-dhcp-device") { simulation, filter in
            try filter.add("\(try rogueLease(in: simulation).1)", "ANY", "ANY", "ANY")
        }
        let outcome = try #require(simulation.scenarioStatus.outcome)
        #expect(outcome.solvedAtTick == 159 && outcome.score == 100)
        for service in [GuardedService.ssh, .dns, .outboundHTTPS] {
            #expect(try guardedSuccess(simulation, service) == 1)
        }
    }

    @Test func blockingOnlyWhereTheDataGoesLeavesTheDeviceAtWork() throws {
        let simulation = try play("rogue-dhcp-device") { simulation, filter in
            try filter.add("ANY", "\(simulation.initialAttackerAddresses[0])", "ANY", "ANY")
        }
        #expect(!simulation.scenarioStatus.solved)
        #expect(simulation.counters.maliciousBlocked > 300)
    }

    @Test func blockingTheWholeLANStopsTheOffice() throws {
        let simulation = try play("rogue-dhcp-device") { _, filter in
            try filter.add("10.0.0.0/24", "ANY", "ANY", "ANY")
        }
        let status = simulation.scenarioStatus
        #expect(!status.solved && status.ticksProtected == 440)
        #expect(try guardedSuccess(simulation, .dns) == 0)
        #expect(try guardedSuccess(simulation, .outboundHTTPS) == 0)
    }
}

extension TrafficGenerator {
    fileprivate var isSSHBruteForce: Bool {
        if case .sshBruteForce = self { return true }
        return false
    }
}
