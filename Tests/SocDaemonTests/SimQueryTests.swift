import JSONRPC
import SocProtocol
import SocSim
import Testing

@testable import SocDaemon

@Suite("Simulation queries")
struct SimQueryTests {
    @Test func topologyHasTheRoomsMachinesWithAddressesMACsServicesAndPositions() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        let topology = harness.simulation.topology
        let server = try #require(topology.hosts.first { $0.role == .server })
        #expect(server.name == "web-server" && server.address == "10.0.0.10" && server.position == .right)
        #expect(server.services.contains(TopologyHost.Service(port: 80, proto: "tcp", name: "http")))
        #expect(server.mac?.count == 17)
        #expect(topology.hosts.first { $0.role == .router }?.position == .middle)
        #expect(topology.hosts.filter { $0.role == .workstation }.count == 2)
        #expect(topology.links.count == topology.hosts.count - 1)
        #expect(topology.lan == "10.0.0.0/24")
    }

    @Test func trafficFiltersByColourAndHostAndKeepsOrder() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        try harness.pause()
        try harness.load(seed: 12)
        try harness.step(40)
        let red = harness.simulation.recentTraffic(limit: 30, malicious: true, host: nil).packets
        #expect(red.count == 30 && red.allSatisfy(\.malicious))
        #expect(red.map(\.id) == red.map(\.id).sorted())
        let green = harness.simulation.recentTraffic(limit: 30, malicious: false, host: "workstation-1").packets
        #expect(!green.isEmpty)
        #expect(green.allSatisfy { !$0.malicious && ($0.srcHost == "workstation-1" || $0.dstHost == "workstation-1") })
        let attacker = try harness.observedAttacker()
        let byAddress = harness.simulation.recentTraffic(limit: 10, malicious: nil, host: attacker).packets
        #expect(byAddress.count == 10 && byAddress.allSatisfy { $0.src == attacker || $0.dst == attacker })
    }

    @Test func logsTailGivesECSFieldsAndNativeLinesAndFollowsWithNextSinceTick() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        try harness.pause()
        try harness.load(seed: 12)
        try harness.step(40)
        let tail = harness.simulation.tail(.firewall, limit: 5, sinceTick: nil)
        #expect(tail.records.count == 5)
        let record = try #require(tail.records.last)
        #expect(record.line.contains("kernel: [FW ACCEPT]"))
        #expect(record.ecs["event.dataset"] == "firewall")
        #expect(record.ecs["message"] == .string(record.line))
        #expect(record.ecs["@timestamp"]?.stringValue?.hasPrefix("2024-05-14T09:00:0") == true)
        #expect(record.ecs["source.ip"]?.stringValue != nil)
        #expect(tail.nextSinceTick == record.tick + 1)

        try harness.step(1)
        let next = harness.simulation.tail(.firewall, limit: 5_000, sinceTick: Int64(tail.nextSinceTick))
        #expect(!next.records.isEmpty && next.records.allSatisfy { $0.tick == 40 })

        let web = harness.simulation.tail(.webAccess, limit: 1, sinceTick: nil)
        #expect(web.records.first?.ecs["http.request.method"] != nil)
    }

    @Test func logSourcesCountWhatIsRetained() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        try harness.pause()
        try harness.step(20)
        let sources = harness.simulation.logSources
        #expect(sources.map(\.name) == LogSourceName.allCases)
        let firewall = try #require(sources.first { $0.name == .firewall })
        #expect(firewall.retained == harness.simulation.status.counters.packets)
        #expect(firewall.written == firewall.retained)
        #expect(firewall.retention == LogRetention().firewall)
        #expect(firewall.nativeFormat.contains("iptables"))
    }

    @Test func scenarioListDescribesTheCatalog() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        let list = harness.simulation.scenarioList
        #expect(list.default == "web-flood" && list.current == "web-flood")
        #expect(
            list.scenarios.map(\.name) == [
                "web-flood", "ssh-brute-force", "port-scan-then-flood", "web-flood-rotating", "dns-tunnel",
                "rogue-dhcp-device", "login-flood-shared-gateway",
            ])
        #expect(
            list.scenarios.map(\.difficulty) == [
                .introductory, .introductory, .introductory, .intermediate, .intermediate, .intermediate, .advanced,
            ])
        #expect(list.scenarios.allSatisfy { !$0.hints.isEmpty && !$0.objective.isEmpty })
        #expect(list.scenarios[0].solvedWhen.contains("100 consecutive ticks (10 s"))
        #expect(list.scenarios[1].solvedWhen.hasSuffix("of legitimate packets (and of SSH logins alone) succeed."))
    }

    @Test func unknownScenarioIsInvalidParamsNamingTheKnownOnes() throws {
        let harness = try SimHarness()
        defer { harness.closeAndRemove() }
        let error = try #require(throws: RPCError.self) {
            try harness.simulation.definition(for: "web-floood", field: "name")
        }
        #expect(error.code == RPCErrorCode.invalidParams)
        #expect(error.data?["field"] == "name")
        #expect(error.message.contains("web-floood") && error.message.contains("web-flood-rotating"))
    }
}
