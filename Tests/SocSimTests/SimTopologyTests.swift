import Testing

@testable import SocSim

@Suite struct SimTopologyTests {
    @Test func defaultNetworkIsTheRoomsNetwork() throws {
        let simulation = try makeSimulation(seed: 3)
        let topology = simulation.topology

        let server = try #require(topology.host(named: "web-server"))
        #expect(server.role == .server && server.position == .right)
        #expect(server.address == IPv4Address(10, 0, 0, 10))
        #expect(server.offers(port: 80, proto: .tcp) && server.offers(port: 22, proto: .tcp))
        #expect(!server.offers(port: 443, proto: .tcp))

        let router = try #require(topology.router)
        #expect(router.name == "router" && router.position == .middle)
        #expect(router.offers(port: 53, proto: .udp) && router.offers(port: 67, proto: .udp))

        let workstations = topology.hosts(withRole: .workstation)
        #expect(workstations.map(\.name) == ["workstation-1", "workstation-2"])
        #expect(workstations.allSatisfy { $0.position == .left && $0.addressAssignment == .dhcp })
        #expect(topology.hosts(withRole: .internet).map(\.position) == [.left])

        for host in topology.hosts where host.role != .internet {
            #expect(topology.lan.contains(try #require(host.address)))
        }
        let macs = topology.hosts.compactMap(\.mac)
        #expect(macs.count == 4 && Set(macs).count == 4)
        // Every host but the router has one link to it; the internet's is the WAN port.
        #expect(topology.links.count == topology.hosts.count - 1)
        #expect(topology.links.first { $0.host == "internet" }?.routerInterface == "eth0")
        #expect(topology.links.filter { $0.routerInterface == "eth1" }.count == 3)
        #expect(topology.host(at: IPv4Address(10, 0, 0, 21))?.name == "workstation-1")
    }

    @Test func harderVariantServesHTTPS() throws {
        let simulation = try makeSimulation("login-flood-shared-gateway", seed: 3)
        #expect(simulation.topology.host(named: "web-server")?.offers(port: 443, proto: .tcp) == true)
    }

    @Test func firewallInterfacesFollowTheRouterPorts() throws {
        let topology = try makeSimulation(seed: 3).topology
        func tuple(_ source: IPv4Address, _ destination: IPv4Address) -> FiveTuple {
            FiveTuple(source: source, destination: destination, sourcePort: 1, destinationPort: 2, proto: .tcp)
        }
        let outside = IPv4Address(198, 51, 100, 9)
        let server = IPv4Address(10, 0, 0, 10)
        let workstation = IPv4Address(10, 0, 0, 21)
        #expect(topology.firewallInterfaces(for: tuple(outside, server)) == ("eth0", "eth1"))
        #expect(topology.firewallInterfaces(for: tuple(workstation, outside)) == ("eth1", "eth0"))
        #expect(topology.firewallInterfaces(for: tuple(workstation, server)) == ("eth1", "eth1"))
        #expect(topology.firewallInterfaces(for: tuple(workstation, IPv4Address(10, 0, 0, 1))) == ("eth1", ""))
        #expect(topology.firewallInterfaces(for: tuple(.unspecified, .limitedBroadcast)) == ("eth1", ""))
    }

    @Test func theSeedChoosesTheAttacker() throws {
        var attackers = Set<IPv4Address>()
        for seed in UInt64(1)...20 {
            let simulation = try makeSimulation(seed: seed)
            let attacker = try #require(simulation.initialAttackerAddresses.first)
            #expect(ScenarioWorld.externalNetworks.contains(simulation.attackerNetwork))
            #expect(simulation.attackerNetwork.contains(attacker))
            attackers.insert(attacker)
            // The same seed always picks the same attacker.
            #expect(try makeSimulation(seed: seed).initialAttackerAddresses == [attacker])
        }
        #expect(attackers.count >= 15)
    }
}
