/// The attack: a flood of HTTP requests at the web server from one address, or from a changing
/// set of addresses inside one network.
package struct HTTPFloodGenerator: Sendable, Hashable, Codable {
    package enum Sources: Sendable, Hashable, Codable {
        case fixed(IPv4Address)
        /// `active` addresses of `network` send at once; every `rotationTicks` one of them is
        /// replaced by a fresh address of the network, so blocking addresses one by one never
        /// catches up and only a rule on the network helps.
        case rotating(network: IPv4CIDR, active: [IPv4Address], rotationTicks: Int, ticksUntilRotation: Int)
    }

    package var sources: Sources
    package var server: IPv4Address
    package var serverHost: String
    package var port: UInt16
    package var requestsPerTick: Double
    /// The first tick of the attack: the learner first sees the network at peace.
    package var startTick: Int64
    /// The requests the flood repeats.
    package var requests: [HTTPRequest]

    package init(
        sources: Sources, server: IPv4Address, serverHost: String, port: UInt16, requestsPerTick: Double,
        startTick: Int64, requests: [HTTPRequest]
    ) {
        precondition(!requests.isEmpty, "a flood needs at least one request to repeat")
        if case .rotating(let network, let active, let rotationTicks, _) = sources {
            precondition(!active.isEmpty && rotationTicks > 0, "a rotating flood needs addresses and a period")
            precondition(active.count < (1 << (32 - network.prefixLength)) - 2, "too many active addresses")
        }
        self.sources = sources
        self.server = server
        self.serverHost = serverHost
        self.port = port
        self.requestsPerTick = requestsPerTick
        self.startTick = startTick
        self.requests = requests
    }

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        guard batch.tick >= startTick else { return }
        rotateIfDue(random: &random)
        let count = random.eventCount(mean: requestsPerTick)
        for _ in 0..<count {
            let source: IPv4Address
            switch sources {
            case .fixed(let address): source = address
            case .rotating(_, let active, _, _): source = random.pick(active)
            }
            let request = random.pick(requests)
            batch.emit(
                FiveTuple(
                    source: source, destination: server, sourcePort: random.ephemeralPort(), destinationPort: port,
                    proto: .tcp),
                size: (request.method == .post ? 620 : 380) + random.nextIndex(below: 32), tcpFlags: .data,
                payload: .http(request), malicious: true, sourceHost: nil, destinationHost: serverHost)
        }
    }

    private mutating func rotateIfDue(random: inout Xoshiro256StarStar) {
        guard case .rotating(let network, var active, let rotationTicks, var ticksUntilRotation) = sources else {
            return
        }
        ticksUntilRotation -= 1
        if ticksUntilRotation <= 0 {
            let replaced = random.nextIndex(below: active.count)
            active[replaced] = Self.freshAddress(in: network, avoiding: active, random: &random)
            ticksUntilRotation = rotationTicks
        }
        sources = .rotating(
            network: network, active: active, rotationTicks: rotationTicks, ticksUntilRotation: ticksUntilRotation)
    }

    /// A host address of `network` (not its network or broadcast address) outside `taken`.
    package static func freshAddress(
        in network: IPv4CIDR, avoiding taken: [IPv4Address], random: inout Xoshiro256StarStar
    ) -> IPv4Address {
        let hostCount = (1 << (32 - network.prefixLength)) - 2
        while true {
            let candidate = IPv4Address(network.network.value + 1 + UInt32(random.nextIndex(below: hostCount)))
            if !taken.contains(candidate) { return candidate }
        }
    }
}
