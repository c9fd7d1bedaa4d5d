@testable import SocSim

/// The simplest firewall the simulation can be driven with: a first-match list of entries, each
/// matching on source network, destination address, destination port and protocol; the default
/// policy accepts. The real compiled matcher is adapted to `PacketFilter` elsewhere.
struct BlockListFilter: PacketFilter {
    struct Entry {
        var id: Int64
        var source: IPv4CIDR?
        var destination: IPv4Address?
        var destinationPort: UInt16?
        var proto: IPProtocol?
        var action: PacketVerdict.Action = .drop

        func matches(_ tuple: FiveTuple) -> Bool {
            (source?.contains(tuple.source) ?? true) && (destination.map { $0 == tuple.destination } ?? true)
                && (destinationPort.map { $0 == tuple.destinationPort } ?? true)
                && (proto.map { $0 == tuple.proto } ?? true)
        }
    }

    var entries: [Entry] = []
    private(set) var hits: [Int64: Int] = [:]
    private(set) var decisions = 0

    init(_ entries: [Entry] = []) { self.entries = entries }

    mutating func add(
        source: IPv4CIDR? = nil, destination: IPv4Address? = nil, destinationPort: UInt16? = nil,
        proto: IPProtocol? = nil, action: PacketVerdict.Action = .drop
    ) {
        entries.append(
            Entry(
                id: Int64(entries.count + 1), source: source, destination: destination,
                destinationPort: destinationPort, proto: proto, action: action))
    }

    mutating func decide(_ packet: FiveTuple, nowMilliseconds: Int64) -> PacketVerdict {
        decisions += 1
        for entry in entries where entry.matches(packet) {
            hits[entry.id, default: 0] += 1
            return PacketVerdict(action: entry.action, ruleID: entry.id)
        }
        return .acceptByPolicy
    }
}

extension IPv4CIDR {
    static func host(_ address: IPv4Address) -> IPv4CIDR { IPv4CIDR(network: address, prefixLength: 32) }
}

/// Retention large enough that a test run loses nothing.
let generousRetention = LogRetention(
    firewall: 400_000, webAccess: 400_000, auth: 10_000, dns: 10_000, dhcp: 10_000, traffic: 400_000)

func makeSimulation(
    _ name: String = ScenarioCatalog.defaultScenarioName, seed: UInt64, retention: LogRetention = generousRetention,
    secret: FlagSecret? = nil
) throws -> Simulation {
    try Simulation(
        scenarioNamed: name, seed: seed, configuration: SimulationConfiguration(retention: retention),
        flagSecret: secret)
}

/// Every retained log line of every source from `sinceTick` on, then every observed packet with
/// its verdict: two runs that agree on these produced the same traffic and the same logs.
/// (Compared as lines rather than digests: hashing megabytes in a debug build is what makes a test slow.)
func outputLines(of simulation: Simulation, sinceTick: Int64 = 0) -> [String] {
    var lines: [String] = []
    for dataset in LogDataset.allCases {
        for record in simulation.logs.tail(dataset, limit: .max, sinceTick: sinceTick) {
            lines.append(record.nativeLine)
        }
    }
    for observed in simulation.recentTraffic.elements(sinceTick: sinceTick) {
        let packet = observed.packet
        lines.append(
            "\(packet.id) \(packet.tick) \(packet.tuple.source):\(packet.tuple.sourcePort) \(packet.summary) "
                + "\(packet.malicious) \(observed.verdict.action) \(observed.outcome)")
    }
    return lines
}

let testSecret = FlagSecret(bytes: Array("per-install secret for tests".utf8))!
