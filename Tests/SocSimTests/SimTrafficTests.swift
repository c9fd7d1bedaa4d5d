import Testing

@testable import SocSim

@Suite struct SimTrafficTests {
    @Test func browsingGeneratorStatistics() {
        let clients = (1...10).map { IPv4Address(198, 51, 100, UInt8($0)) }
        var generator = WebBrowsingGenerator(
            clients: clients, server: IPv4Address(10, 0, 0, 10), serverHost: "web-server", port: 80,
            requestsPerTick: 6, loginFailureChance: 0.2)
        var random = Xoshiro256StarStar(seed: 21)
        var batch = PacketBatch(nextPacketID: 1)
        var requests: [Packet] = []
        for tick in Int64(0)..<5_000 {
            batch.begin(tick: tick)
            generator.generate(into: &batch, random: &random)
            requests += batch.packets
        }
        #expect(abs(Double(requests.count) / 5_000 - 6) < 0.15)
        #expect(requests.allSatisfy { !$0.malicious && $0.tuple.destinationPort == 80 && $0.tuple.proto == .tcp })
        #expect(Set(requests.map(\.tuple.source)) == Set(clients))
        #expect(requests.map(\.id) == Array(1...UInt64(requests.count)))

        var logins = 0
        var failures = 0
        var paths = Set<String>()
        for packet in requests {
            guard case .http(let request) = packet.payload else {
                Issue.record("browsing produced \(packet.summary)")
                continue
            }
            paths.insert(packet.summary)
            if let valid = request.credentialsValid {
                logins += 1
                if !valid { failures += 1 }
                #expect(packet.summary == "POST /login")
            }
        }
        #expect(paths.isSuperset(of: ["GET /", "GET /login", "POST /login", "GET /products"]))
        // POST /login has weight 6: about 1,700 of 30,000 requests, a fifth of them failing.
        let loginShare = 6 / Double(WebCatalog.browsing.totalWeight)
        #expect(abs(Double(logins) / Double(requests.count) - loginShare) < 0.004)
        #expect(abs(Double(failures) / Double(logins) - 0.2) < 0.03)
    }

    @Test func defaultScenarioTrafficMix() throws {
        var simulation = try makeSimulation(seed: 8)
        var filter = AcceptAllPacketFilter()
        simulation.step(ticks: 1_000, filter: &filter)
        let packets = simulation.recentTraffic.elements.map(\.packet)
        #expect(packets.count == simulation.counters.packets)

        let attacker = try #require(simulation.initialAttackerAddresses.first)
        let malicious = packets.filter(\.malicious)
        #expect(malicious.allSatisfy { $0.tuple.source == attacker && $0.tuple.destinationPort == 80 })
        #expect(malicious.allSatisfy { $0.tick >= 30 })
        #expect(abs(Double(malicious.count) / 970 - 120) < 3)
        // Legitimate traffic never comes from the attacker in the room's scenario.
        #expect(!packets.contains { !$0.malicious && $0.tuple.source == attacker })

        let dnsQueries = packets.filter { if case .dnsQuery = $0.payload { true } else { false } }
        #expect(abs(Double(dnsQueries.count) - 300) < 60)
        #expect(dnsQueries.allSatisfy { $0.tuple.destination == IPv4Address(10, 0, 0, 1) && $0.sourceHost != nil })
        #expect(
            dnsQueries.first?.summary.hasPrefix("DNS A") == true
                || dnsQueries.first?.summary.hasPrefix("DNS AAAA") == true)

        let dhcp = packets.filter { if case .dhcp = $0.payload { true } else { false } }
        #expect(dhcp.map(\.summary).filter { $0 == "DHCPDISCOVER" }.count == 2)
        #expect(dhcp.map(\.summary).filter { $0 == "DHCPREQUEST" }.count == 2)

        // Every external address is a documentation address; every internal one is on the LAN.
        for packet in packets {
            for address in [packet.tuple.source, packet.tuple.destination] {
                let known =
                    simulation.topology.lan.contains(address) || address == .unspecified
                    || address == .limitedBroadcast || ScenarioWorld.externalNetworks.contains { $0.contains(address) }
                #expect(known, "\(address) in \(packet.summary)")
            }
        }
    }

    @Test func dataSourcesRecordWhatTheServicesSaw() throws {
        var simulation = try makeSimulation(seed: 8)
        var filter = AcceptAllPacketFilter()
        simulation.step(ticks: 1_000, filter: &filter)
        let logs = simulation.logs

        let dhcpActions = logs.dhcp.elements.map(\.messageType)
        #expect(dhcpActions.first == .discover)
        #expect(dhcpActions.filter { $0 == .ack }.count == 2)
        #expect(dhcpActions.filter { $0 == .offer }.count == 2)
        #expect(logs.dhcp.elements.allSatisfy { $0.address == nil || simulation.topology.lan.contains($0.address!) })

        #expect(logs.dns.count > 200)
        #expect(logs.dns.elements.allSatisfy { WebCatalog.outsideDomains.contains($0.name) })

        // The attack overloads the server: 503s appear, and innocent visitors still fail logins.
        let web = logs.webAccess.elements
        #expect(web.contains { $0.statusCode == 503 })
        #expect(web.contains { $0.statusCode == 401 && $0.client != simulation.initialAttackerAddresses[0] })
        #expect(web.contains { $0.statusCode == 302 && $0.target == "/login" })
        #expect(web.contains { $0.statusCode == 404 })

        // The administrator logs in over SSH, sometimes after a typo.
        let auth = logs.auth.elements
        #expect(auth.contains { $0.succeeded })
        #expect(auth.allSatisfy { $0.client == IPv4Address(10, 0, 0, 21) })
        #expect(logs.retainedCount(of: .firewall) == simulation.counters.packets)
    }

    @Test func rotatingFloodStaysInItsNetworkAndKeepsChanging() throws {
        var simulation = try makeSimulation("web-flood-rotating", seed: 4)
        var filter = AcceptAllPacketFilter()
        simulation.step(ticks: 400, filter: &filter)
        let sources = simulation.recentTraffic.elements.filter(\.packet.malicious).map(\.packet.tuple.source)
        #expect(sources.allSatisfy { simulation.attackerNetwork.contains($0) })
        // 12 at first, one more every 10 ticks over 370 ticks of attack.
        #expect(Set(sources).count > 40)
        let visitors = simulation.recentTraffic.elements.filter { !$0.packet.malicious }.map(\.packet.tuple.source)
        #expect(!visitors.contains { simulation.attackerNetwork.contains($0) })
    }
}
