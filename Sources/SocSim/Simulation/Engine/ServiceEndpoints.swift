/// Where the simulated services listen, read from the topology once for the tick loop.
struct ServiceEndpoints: Sendable {
    let router: IPv4Address
    let routerName: String
    let server: IPv4Address
    let serverName: String
    /// The web server's HTTP and HTTPS ports.
    let webPorts: [UInt16]
    let sshPort: UInt16?
    /// What the server offers, to name the service a compromise came through.
    let serverServices: [NetworkHost.Service]

    init(topology: NetworkTopology) {
        let router = topology.router
        let server = topology.hosts(withRole: .server).first
        self.router = router?.address ?? .unspecified
        routerName = router?.name ?? NetworkTopology.routerName
        self.server = server?.address ?? .unspecified
        serverName = server?.name ?? NetworkTopology.webServerName
        webPorts = (server?.services ?? []).filter { $0.proto == .tcp && ["http", "https"].contains($0.name) }.map(
            \.port)
        sshPort = server?.services.first { $0.name == "ssh" }?.port
        serverServices = server?.services ?? []
    }

    /// An SSH login to the web server with a right password for an account it has.
    @inline(__always)
    func isAcceptedLogin(_ packet: Packet) -> Bool {
        guard case .sshLogin(let attempt) = packet.payload else { return false }
        return attempt.passwordCorrect && attempt.userExists && packet.tuple.destination == server
            && packet.tuple.proto == .tcp && packet.tuple.destinationPort == sshPort
    }

    /// What an accepted login at `tick` gave the attacker; nil for any other packet.
    func compromise(by packet: Packet, atTick tick: Int64) -> ScenarioCompromise? {
        guard isAcceptedLogin(packet), case .sshLogin(let attempt) = packet.payload else { return nil }
        let tuple = packet.tuple
        let service = serverServices.first { $0.port == tuple.destinationPort && $0.proto == tuple.proto }
        return ScenarioCompromise(
            tick: tick, host: serverName, service: service?.name ?? "port \(tuple.destinationPort)",
            port: tuple.destinationPort, user: attempt.user)
    }

    @inline(__always)
    func isWebRequest(_ packet: Packet) -> Bool {
        guard case .http = packet.payload else { return false }
        return packet.tuple.destination == server && packet.tuple.proto == .tcp
            && webPorts.contains(packet.tuple.destinationPort)
    }
}
