/// Where the simulated services listen, read from the topology once for the tick loop.
struct ServiceEndpoints: Sendable {
    let router: IPv4Address
    let routerName: String
    let server: IPv4Address
    let serverName: String
    /// The web server's HTTP and HTTPS ports.
    let webPorts: [UInt16]
    let sshPort: UInt16?

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
    }

    /// An SSH login to the web server with a right password for an account it has.
    @inline(__always)
    func isAcceptedLogin(_ packet: Packet) -> Bool {
        guard case .sshLogin(let attempt) = packet.payload else { return false }
        return attempt.passwordCorrect && attempt.userExists && packet.tuple.destination == server
            && packet.tuple.proto == .tcp && packet.tuple.destinationPort == sshPort
    }

    @inline(__always)
    func isWebRequest(_ packet: Packet) -> Bool {
        guard case .http = packet.payload else { return false }
        return packet.tuple.destination == server && packet.tuple.proto == .tcp
            && webPorts.contains(packet.tuple.destinationPort)
    }
}
