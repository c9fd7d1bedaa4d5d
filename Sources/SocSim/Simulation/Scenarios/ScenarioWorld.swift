/// A scenario made concrete by its seed: the network, who attacks from where, who visits, and the
/// generators that will produce the traffic.
package struct ScenarioWorld: Sendable {
    /// The external networks visitors and attackers come from: the three documentation ranges of
    /// RFC 5737, so no simulated address is anybody's real one.
    package static let externalNetworks = [
        IPv4CIDR(network: IPv4Address(198, 51, 100, 0), prefixLength: 24),
        IPv4CIDR(network: IPv4Address(203, 0, 113, 0), prefixLength: 24),
        IPv4CIDR(network: IPv4Address(192, 0, 2, 0), prefixLength: 24),
    ]

    package static let publicVisitorCount = 40
    package static let outsideSiteCount = 8

    package var topology: NetworkTopology
    /// The /24 the attack comes from.
    package var attackerNetwork: IPv4CIDR
    /// The attacking addresses at the start (a rotating attack replaces them as it runs).
    package var attackerAddresses: [IPv4Address]
    package var publicVisitors: [IPv4Address]
    package var outsideSites: [IPv4Address]
    package var generators: [TrafficGenerator]
    /// The LAN's DHCP clients and the addresses reserved for them.
    package var dhcpReservations: [DHCPServerModel.Reservation]
    /// The workstation the attack runs on, for a scenario with malware inside the LAN (the last
    /// one, so that the administrator's, the first, stays clean).
    package var compromisedWorkstation: NetworkHost?

    /// Domains a DNS tunnel may use, one drawn per seed; reserved names (RFC 2606), two labels.
    package static let tunnelDomains = [
        "telemetry-sync.example", "cdn-metrics.example", "update-check.example", "static-analytics.example",
    ]
    /// Where a rogue device sends what it collects (reserved, RFC 2606).
    package static let dropSiteNames = ["files.example-storage.example", "backup.sync-drive.example"]

    /// Builds the world of `definition` for `seed`. It draws from its own generator, seeded apart
    /// from the traffic's, so that adding a host here never shifts the packet stream.
    package init(definition: ScenarioDefinition, seed: UInt64, trafficScale: Double) {
        var random = Xoshiro256StarStar(seed: seed ^ 0xD1B5_4A32_D192_ED03)
        topology = NetworkTopology.securityOperationsRoom(webServices: definition.webServices, random: &random)

        attackerNetwork = random.pick(Self.externalNetworks)
        switch definition.attacker {
        case .singleAddress:
            attackerAddresses = [HTTPFloodGenerator.freshAddress(in: attackerNetwork, avoiding: [], random: &random)]
        case .rotatingWithin24(let activeAddresses, _):
            var addresses: [IPv4Address] = []
            for _ in 0..<activeAddresses {
                addresses.append(
                    HTTPFloodGenerator.freshAddress(in: attackerNetwork, avoiding: addresses, random: &random))
            }
            attackerAddresses = addresses
        }

        let attackerNetwork = attackerNetwork
        let peacefulNetworks = Self.externalNetworks.filter { $0 != attackerNetwork }
        let visitorNetworks = definition.visitorsAvoidAttackerNetwork ? peacefulNetworks : Self.externalNetworks
        var taken = attackerAddresses
        var visitors: [IPv4Address] = []
        for _ in 0..<Self.publicVisitorCount {
            let visitor = HTTPFloodGenerator.freshAddress(
                in: random.pick(visitorNetworks), avoiding: taken, random: &random)
            visitors.append(visitor)
            taken.append(visitor)
        }
        publicVisitors = visitors
        var sites: [IPv4Address] = []
        for _ in 0..<Self.outsideSiteCount {
            let site = HTTPFloodGenerator.freshAddress(
                in: random.pick(peacefulNetworks), avoiding: taken, random: &random)
            sites.append(site)
            taken.append(site)
        }
        outsideSites = sites

        let workstations = topology.hosts(withRole: .workstation)
        compromisedWorkstation =
            definition.traffic.contains(where: \.runsOnCompromisedWorkstation) ? workstations.last : nil
        dhcpReservations = workstations.compactMap { host in
            guard let mac = host.mac, let address = host.address else { return nil }
            return DHCPServerModel.Reservation(mac: mac, address: address, hostName: host.name)
        }

        generators = []
        for spec in definition.traffic {
            generators.append(makeGenerator(spec, definition: definition, scale: trafficScale, random: &random))
        }
    }

    private func makeGenerator(
        _ spec: TrafficSpec, definition: ScenarioDefinition, scale: Double, random: inout Xoshiro256StarStar
    ) -> TrafficGenerator {
        let server = NetworkTopology.webServerAddress
        let serverHost = NetworkTopology.webServerName
        let sshPort = NetworkTopology.sshService.port
        let workstations = topology.hosts(withRole: .workstation).compactMap { host in
            host.address.map { WorkstationActivityGenerator.Workstation(name: host.name, address: $0) }
        }
        let compromised = compromisedWorkstation.flatMap { host in
            host.address.map { WorkstationActivityGenerator.Workstation(name: host.name, address: $0) }
        }
        switch spec {
        case .publicBrowsing(let rate, let port, let failureChance):
            return .browsing(
                WebBrowsingGenerator(
                    clients: publicVisitors, server: server, serverHost: serverHost, port: port,
                    requestsPerTick: rate * scale, loginFailureChance: failureChance))
        case .browsingFromAttackerAddress(let rate, let port, let failureChance):
            return .browsing(
                WebBrowsingGenerator(
                    clients: [attackerAddresses[0]], server: server, serverHost: serverHost, port: port,
                    requestsPerTick: rate * scale, loginFailureChance: failureChance))
        case .workstationActivity(let visits, let intranet):
            return .workstations(
                WorkstationActivityGenerator(
                    workstations: workstations.filter { $0 != compromised }, resolver: NetworkTopology.routerAddress,
                    resolverHost: NetworkTopology.routerName, server: server, serverHost: serverHost,
                    outsideSites: outsideSites, visitsPerTick: visits * scale, intranetRequestsPerTick: intranet * scale
                ))
        case .dhcpLeases(let leaseTicks):
            // Machines boot a few ticks apart, as they would after a power cut.
            let clients = dhcpReservations.map { reservation in
                DHCPLeaseGenerator.Client(
                    hostName: reservation.hostName, mac: reservation.mac, address: reservation.address,
                    phase: .discovering, nextMessageTick: Int64(random.nextInt(in: 1...20)))
            }
            return .dhcpLeases(
                DHCPLeaseGenerator(
                    clients: clients, server: NetworkTopology.routerAddress, serverHost: NetworkTopology.routerName,
                    leaseTicks: leaseTicks))
        case .adminSSH(let sessions, let typoChance):
            let admin = workstations[0]
            return .adminSSH(
                AdminSSHGenerator(
                    client: admin.address, clientHost: admin.name, server: server, serverHost: serverHost,
                    users: ["admin", "deploy"], sessionsPerTick: sessions * scale, typoChance: typoChance))
        case .httpFlood(let rate, let startTick, let port, let requests):
            let sources: HTTPFloodGenerator.Sources =
                switch definition.attacker {
                case .singleAddress: .fixed(attackerAddresses[0])
                case .rotatingWithin24(_, let rotationTicks):
                    .rotating(
                        network: attackerNetwork, active: attackerAddresses, rotationTicks: rotationTicks,
                        ticksUntilRotation: rotationTicks)
                }
            return .httpFlood(
                HTTPFloodGenerator(
                    sources: sources, server: server, serverHost: serverHost, port: port,
                    requestsPerTick: rate * scale, startTick: startTick, requests: requests))
        case .sshBruteForce(let rate, let startTick, let attemptsBeforeSuccess):
            return .sshBruteForce(
                SSHBruteForceGenerator(
                    source: attackerAddresses[0], server: server, serverHost: serverHost, port: sshPort,
                    attemptsPerTick: rate * scale, startTick: startTick,
                    attemptsBeforeSuccess: random.nextInt(in: attemptsBeforeSuccess),
                    crackedUser: random.pick(SSHBruteForceGenerator.serverAccounts)))
        case .dnsTunnel(let rate, let startTick):
            guard let compromised = compromised ?? workstations.last else {
                preconditionFailure("a DNS tunnel needs a workstation to run on")
            }
            return .dnsTunnel(
                DNSTunnelGenerator(
                    client: compromised.address, clientHost: compromised.name, resolver: NetworkTopology.routerAddress,
                    resolverHost: NetworkTopology.routerName, domain: random.pick(Self.tunnelDomains),
                    queriesPerTick: rate * scale, startTick: startTick))
        case .rogueDevice(let joinTick, let uploads, let logins):
            let pool = DHCPServerModel.roomPool
            // b8:27:eb is the Raspberry Pi Foundation's prefix: the classic plugged-in implant.
            let mac = MACAddress(0xB827_EB00_0000 | UInt64(random.nextIndex(below: 1 << 24)))
            let address = IPv4Address(pool.lowerBound + UInt32(random.nextIndex(below: pool.count)))
            return .rogueDevice(
                RogueDeviceGenerator(
                    mac: mac, hostName: "raspberrypi", address: address, dhcpServer: NetworkTopology.routerAddress,
                    dhcpServerHost: NetworkTopology.routerName, webServer: server, webServerHost: serverHost,
                    sshPort: sshPort, dropSite: attackerAddresses[0], dropSiteName: random.pick(Self.dropSiteNames),
                    joinTick: joinTick, uploadsPerTick: uploads * scale, loginAttemptsPerTick: logins * scale))
        case .portScan(let probesPerTick, let startTick, let ports):
            return .portScan(
                PortScanGenerator(
                    source: attackerAddresses[0], server: server, serverHost: serverHost, ports: ports,
                    probesPerTick: max(1, Int(Double(probesPerTick) * scale + 0.5)), startTick: startTick,
                    random: &random))
        }
    }
}
