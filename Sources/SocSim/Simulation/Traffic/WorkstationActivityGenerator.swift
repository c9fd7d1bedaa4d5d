/// What the LAN's machines do all day: resolve names through the router's DNS, open HTTPS sessions
/// to outside sites, and now and then open the company intranet on the web server.
package struct WorkstationActivityGenerator: Sendable, Hashable, Codable {
    package struct Workstation: Sendable, Hashable, Codable {
        package var name: String
        package var address: IPv4Address

        package init(name: String, address: IPv4Address) {
            self.name = name
            self.address = address
        }
    }

    package var workstations: [Workstation]
    package var resolver: IPv4Address
    package var resolverHost: String
    package var server: IPv4Address
    package var serverHost: String
    /// Where `WebCatalog.outsideDomains` resolve to, index for index modulo the count.
    package var outsideSites: [IPv4Address]
    /// Per workstation: look up a name and open an HTTPS session to it.
    package var visitsPerTick: Double
    /// Per workstation: requests to the intranet on the web server's port 80.
    package var intranetRequestsPerTick: Double

    package init(
        workstations: [Workstation], resolver: IPv4Address, resolverHost: String, server: IPv4Address,
        serverHost: String, outsideSites: [IPv4Address], visitsPerTick: Double, intranetRequestsPerTick: Double
    ) {
        precondition(!outsideSites.isEmpty, "workstations need outside sites to visit")
        self.workstations = workstations
        self.resolver = resolver
        self.resolverHost = resolverHost
        self.server = server
        self.serverHost = serverHost
        self.outsideSites = outsideSites
        self.visitsPerTick = visitsPerTick
        self.intranetRequestsPerTick = intranetRequestsPerTick
    }

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        for workstation in workstations {
            for _ in 0..<random.eventCount(mean: visitsPerTick) {
                let domainIndex = random.nextIndex(below: WebCatalog.outsideDomains.count)
                let domain = WebCatalog.outsideDomains[domainIndex]
                batch.emit(
                    FiveTuple(
                        source: workstation.address, destination: resolver, sourcePort: random.ephemeralPort(),
                        destinationPort: 53, proto: .udp),
                    size: 40 + domain.utf8.count + random.nextIndex(below: 16),
                    payload: .dnsQuery(name: domain, type: random.chance(0.8) ? .a : .aaaa),
                    sourceHost: workstation.name, destinationHost: resolverHost)
                batch.emit(
                    FiveTuple(
                        source: workstation.address, destination: outsideSites[domainIndex % outsideSites.count],
                        sourcePort: random.ephemeralPort(), destinationPort: 443, proto: .tcp),
                    size: 517 + random.nextIndex(below: 1000), tcpFlags: .data, payload: .tls(serverName: domain),
                    sourceHost: workstation.name, destinationHost: nil)
            }
            for _ in 0..<random.eventCount(mean: intranetRequestsPerTick) {
                let page = WebCatalog.intranet.pick(using: &random)
                let request = HTTPRequest(
                    method: page.method, path: page.path, userAgent: WebCatalog.userAgent(for: workstation.address),
                    referrer: page.referrer)
                batch.emit(
                    FiveTuple(
                        source: workstation.address, destination: server, sourcePort: random.ephemeralPort(),
                        destinationPort: 80, proto: .tcp),
                    size: page.requestSize + random.nextIndex(below: 64), tcpFlags: .data, payload: .http(request),
                    sourceHost: workstation.name, destinationHost: serverHost)
            }
        }
    }
}
