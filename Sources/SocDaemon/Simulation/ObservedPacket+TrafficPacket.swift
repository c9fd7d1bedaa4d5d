import SocPOSIX
import SocProtocol
import SocSim

extension ObservedPacket {
    func trafficPacket(clock: SimulationClock) -> TrafficPacket {
        let tuple = packet.tuple
        return TrafficPacket(
            id: Int(truncatingIfNeeded: packet.id), tick: Int(packet.tick),
            time: ISO8601.format(milliseconds: clock.epochMilliseconds(atTick: packet.tick)),
            src: tuple.source.description, dst: tuple.destination.description, sport: Int(tuple.sourcePort),
            dport: Int(tuple.destinationPort), proto: tuple.proto.rawValue, size: packet.size,
            flags: packet.tcpFlags.names, summary: packet.summary, malicious: packet.malicious,
            srcHost: packet.sourceHost, dstHost: packet.destinationHost, verdict: verdict.action.label,
            ruleId: verdict.ruleID.map { Int($0) }, outcome: TrafficPacket.Outcome(outcome))
    }

    /// Whether the packet comes from or goes to `host` (a host name, or an address).
    func involves(_ host: TrafficHostFilter) -> Bool {
        switch host {
        case .address(let address): packet.tuple.source == address || packet.tuple.destination == address
        case .name(let name): packet.sourceHost == name || packet.destinationHost == name
        }
    }
}

/// `traffic.recent`'s `host`: an address, or a host name of the topology.
enum TrafficHostFilter: Sendable {
    case address(IPv4Address)
    case name(String)

    init(_ text: String) {
        self = IPv4Address(text).map { .address($0) } ?? .name(text)
    }
}

extension TrafficPacket.Outcome {
    init(_ outcome: ObservedPacket.Outcome) {
        switch outcome {
        case .blocked: self = .blocked
        case .delivered: self = .delivered
        case .refusedByServer: self = .refusedByServer
        }
    }
}
