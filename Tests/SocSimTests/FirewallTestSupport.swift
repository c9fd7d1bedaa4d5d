@testable import SocSim

/// SplitMix64: a seeded generator, so a failing random case can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random rules and packets drawn from a small world of "hot" addresses and ports, so that
/// packets often hit rules, CIDR boundaries and range endpoints instead of missing everything.
struct RandomFirewallWorld {
    var generator: SeededGenerator
    let hotAddresses: [UInt32]
    let hotPorts: [UInt16] = [0, 22, 53, 80, 443, 1000, 2000, 8080, 65535]
    let now: Int64 = 1_700_000_000_000
    private var nextID: Int64 = 1

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
        var addresses: [UInt32] = []
        // Clusters: a few networks with several hosts each, plus loners.
        for _ in 0..<4 {
            let base = UInt32.random(in: 0...UInt32.max, using: &generator) & 0xFFFF_FF00
            for _ in 0..<4 { addresses.append(base | UInt32.random(in: 0...255, using: &generator)) }
        }
        for _ in 0..<6 { addresses.append(UInt32.random(in: 0...UInt32.max, using: &generator)) }
        addresses += [0, UInt32.max]
        hotAddresses = addresses
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &generator) < probability
    }

    mutating func address() -> IPv4Address {
        if chance(0.8) {
            var value = hotAddresses.randomElement(using: &generator)!
            if chance(0.3) { value ^= UInt32(1) << UInt32.random(in: 0...31, using: &generator) }
            return IPv4Address(value)
        }
        return IPv4Address(UInt32.random(in: 0...UInt32.max, using: &generator))
    }

    mutating func addressMatch() -> AddressMatch {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<3: return .any
        case 3..<6: return .host(address())
        default:
            let length =
                chance(0.5) ? [8, 16, 24].randomElement(using: &generator)! : Int.random(in: 1...31, using: &generator)
            return .network(IPv4CIDR(network: address(), prefixLength: length))
        }
    }

    mutating func port() -> UInt16 {
        chance(0.7) ? hotPorts.randomElement(using: &generator)! : UInt16.random(in: 0...UInt16.max, using: &generator)
    }

    mutating func portMatch() -> PortMatch {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<4: return .any
        case 4..<8: return .port(port())
        default:
            let low = port()
            let high = UInt16(min(Int(low) + Int.random(in: 0...3000, using: &generator), 65535))
            return .range(low, high)
        }
    }

    mutating func rule() -> FirewallRule {
        let proto = ProtocolMatch.allCases.randomElement(using: &generator)!
        var expiresAt: Int64?
        if chance(0.15) { expiresAt = now + Int64.random(in: -2...2, using: &generator) * 1000 }
        if chance(0.05) { expiresAt = now }
        defer { nextID += 1 }
        return FirewallRule(
            id: nextID, position: 0, source: addressMatch(), destination: addressMatch(),
            sourcePort: proto == .icmp ? .any : portMatch(), destinationPort: proto == .icmp ? .any : portMatch(),
            proto: proto, action: RuleAction.allCases.randomElement(using: &generator)!,
            comment: "rule \(nextID)", expiresAt: expiresAt, createdAt: now - 5000)
    }

    mutating func packet() -> FiveTuple {
        let proto = IPProtocol.allCases.randomElement(using: &generator)!
        var sourcePort = port()
        var destinationPort = port()
        if chance(0.2) { sourcePort &+= chance(0.5) ? 1 : 0xFFFF }
        if chance(0.2) { destinationPort &+= chance(0.5) ? 1 : 0xFFFF }
        return FiveTuple(
            source: address(), destination: address(), sourcePort: sourcePort, destinationPort: destinationPort,
            proto: proto)
    }

    mutating func position(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
}
