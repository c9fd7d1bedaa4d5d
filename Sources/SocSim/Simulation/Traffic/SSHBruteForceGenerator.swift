/// Password guessing against the web server's SSH from one internet address: a tool working
/// through a list of common user names, a new connection per guess, until after
/// `attemptsBeforeSuccess` wrong guesses it sends the right password for `crackedUser`.
///
/// Open-loop like every generator: it cannot know whether the firewall let the right guess
/// through, so it keeps guessing afterwards. Whether that guess was delivered is what decides
/// the scenario (a delivered one is a compromise); the traffic itself depends on the seed alone.
package struct SSHBruteForceGenerator: Sendable, Hashable, Codable {
    package var source: IPv4Address
    package var server: IPv4Address
    package var serverHost: String
    package var port: UInt16
    package var attemptsPerTick: Double
    package var startTick: Int64
    /// Wrong guesses before the right one.
    package var attemptsBeforeSuccess: Int
    package var crackedUser: String
    /// Guesses sent so far, the right one included.
    package private(set) var attemptsSent = 0

    /// The names a brute-force tool tries first; those the server has are logged as failed
    /// passwords, the others as invalid users.
    package static let userNames = [
        "root", "admin", "test", "ubuntu", "user", "oracle", "postgres", "pi", "git", "guest", "ftp", "support",
    ]
    /// The accounts that exist on the web server.
    package static let serverAccounts = ["root", "admin", "deploy"]

    package init(
        source: IPv4Address, server: IPv4Address, serverHost: String, port: UInt16, attemptsPerTick: Double,
        startTick: Int64, attemptsBeforeSuccess: Int, crackedUser: String
    ) {
        precondition(attemptsBeforeSuccess >= 0, "a brute force cannot succeed before it starts")
        self.source = source
        self.server = server
        self.serverHost = serverHost
        self.port = port
        self.attemptsPerTick = attemptsPerTick
        self.startTick = startTick
        self.attemptsBeforeSuccess = attemptsBeforeSuccess
        self.crackedUser = crackedUser
    }

    /// Whether the right password has been sent.
    package var hasSentTheRightPassword: Bool { attemptsSent > attemptsBeforeSuccess }

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        guard batch.tick >= startTick else { return }
        for _ in 0..<random.eventCount(mean: attemptsPerTick) {
            let attempt: SSHLoginAttempt
            if attemptsSent == attemptsBeforeSuccess {
                attempt = SSHLoginAttempt(user: crackedUser, passwordCorrect: true)
            } else {
                let user = Self.userNames[attemptsSent % Self.userNames.count]
                attempt = SSHLoginAttempt(
                    user: user, passwordCorrect: false, userExists: Self.serverAccounts.contains(user))
            }
            attemptsSent += 1
            batch.emit(
                FiveTuple(
                    source: source, destination: server, sourcePort: random.ephemeralPort(), destinationPort: port,
                    proto: .tcp),
                size: 160 + random.nextIndex(below: 40), tcpFlags: .data, payload: .sshLogin(attempt), malicious: true,
                sourceHost: nil, destinationHost: serverHost)
        }
    }
}
