/// Malware on a workstation smuggling data out through DNS: a steady stream of TXT queries to
/// the LAN's resolver for names under one domain the attacker runs, each carrying a chunk of the
/// stolen data as a long base32 label and a sequence number (`<chunk>.<seq>.<domain>`). The
/// resolver would forward them to the domain's name server, so every query is data out.
package struct DNSTunnelGenerator: Sendable, Hashable, Codable {
    package var client: IPv4Address
    package var clientHost: String
    package var resolver: IPv4Address
    package var resolverHost: String
    /// The attacker's domain, two labels (`telemetry-sync.example`), so that everything left of
    /// it is the payload.
    package var domain: String
    package var queriesPerTick: Double
    package var startTick: Int64
    /// Chunks sent so far; the next query carries this sequence number.
    package private(set) var chunksSent = 0

    /// RFC 4648 base32, lower-cased as DNS tunnelling tools write it.
    private static let base32Alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
    /// Characters of data per query: long enough to carry 30-40 bytes, short of the 63 a label allows.
    private static let chunkLengths = 48...60

    package init(
        client: IPv4Address, clientHost: String, resolver: IPv4Address, resolverHost: String, domain: String,
        queriesPerTick: Double, startTick: Int64
    ) {
        precondition(domain.split(separator: ".").count == 2, "the tunnel domain must be a registered domain")
        self.client = client
        self.clientHost = clientHost
        self.resolver = resolver
        self.resolverHost = resolverHost
        self.domain = domain
        self.queriesPerTick = queriesPerTick
        self.startTick = startTick
    }

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        guard batch.tick >= startTick else { return }
        for _ in 0..<random.eventCount(mean: queriesPerTick) {
            let length = random.nextInt(in: Self.chunkLengths)
            let chunk = String(
                decoding: (0..<length).map { _ in Self.base32Alphabet[random.nextIndex(below: 32)] }, as: UTF8.self)
            let name = "\(chunk).\(String(chunksSent, radix: 16)).\(domain)"
            chunksSent += 1
            batch.emit(
                FiveTuple(
                    source: client, destination: resolver, sourcePort: random.ephemeralPort(), destinationPort: 53,
                    proto: .udp),
                size: 40 + name.utf8.count, payload: .dnsQuery(name: name, type: .txt), malicious: true,
                sourceHost: clientHost, destinationHost: resolverHost)
        }
    }
}
