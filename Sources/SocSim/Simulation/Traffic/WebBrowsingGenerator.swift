/// Ordinary visitors browsing the company site from the internet, some of them mistyping their
/// password at `/login` (innocent failed logins the analyst must not mistake for an attack).
package struct WebBrowsingGenerator: Sendable, Hashable, Codable {
    /// The visitors' addresses; each request comes from one of them at random.
    package var clients: [IPv4Address]
    package var server: IPv4Address
    package var serverHost: String
    package var port: UInt16
    package var requestsPerTick: Double
    /// Probability that a login form post carries a wrong password.
    package var loginFailureChance: Double

    package init(
        clients: [IPv4Address], server: IPv4Address, serverHost: String, port: UInt16, requestsPerTick: Double,
        loginFailureChance: Double
    ) {
        precondition(!clients.isEmpty, "browsing needs at least one client")
        self.clients = clients
        self.server = server
        self.serverHost = serverHost
        self.port = port
        self.requestsPerTick = requestsPerTick
        self.loginFailureChance = loginFailureChance
    }

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        let count = random.eventCount(mean: requestsPerTick)
        for _ in 0..<count {
            let client = random.pick(clients)
            let page = WebCatalog.browsing.pick(using: &random)
            var request = HTTPRequest(
                method: page.method, path: page.path, userAgent: WebCatalog.userAgent(for: client),
                referrer: page.referrer)
            if page.isLoginPost { request.credentialsValid = !random.chance(loginFailureChance) }
            batch.emit(
                FiveTuple(
                    source: client, destination: server, sourcePort: random.ephemeralPort(), destinationPort: port,
                    proto: .tcp),
                size: page.requestSize + random.nextIndex(below: 64), tcpFlags: .data, payload: .http(request),
                sourceHost: nil, destinationHost: serverHost)
        }
    }
}
