/// An administrator logging in to the web server over SSH from a workstation, sometimes
/// mistyping the password once first.
package struct AdminSSHGenerator: Sendable, Hashable, Codable {
    package var client: IPv4Address
    package var clientHost: String
    package var server: IPv4Address
    package var serverHost: String
    package var users: [String]
    package var sessionsPerTick: Double
    /// Probability that a session starts with one wrong password.
    package var typoChance: Double

    package init(
        client: IPv4Address, clientHost: String, server: IPv4Address, serverHost: String, users: [String],
        sessionsPerTick: Double, typoChance: Double
    ) {
        precondition(!users.isEmpty, "SSH sessions need at least one user")
        self.client = client
        self.clientHost = clientHost
        self.server = server
        self.serverHost = serverHost
        self.users = users
        self.sessionsPerTick = sessionsPerTick
        self.typoChance = typoChance
    }

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        for _ in 0..<random.eventCount(mean: sessionsPerTick) {
            let user = random.pick(users)
            // Both attempts travel on one connection, so sshd logs them with the same port.
            let tuple = FiveTuple(
                source: client, destination: server, sourcePort: random.ephemeralPort(), destinationPort: 22,
                proto: .tcp)
            if random.chance(typoChance) {
                batch.emit(
                    tuple, size: 180 + random.nextIndex(below: 40), tcpFlags: .data,
                    payload: .sshLogin(SSHLoginAttempt(user: user, passwordCorrect: false)), sourceHost: clientHost,
                    destinationHost: serverHost)
            }
            batch.emit(
                tuple, size: 180 + random.nextIndex(below: 40), tcpFlags: .data,
                payload: .sshLogin(SSHLoginAttempt(user: user, passwordCorrect: true)), sourceHost: clientHost,
                destinationHost: serverHost)
        }
    }
}
