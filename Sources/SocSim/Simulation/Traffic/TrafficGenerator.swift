/// Every kind of traffic source a scenario can contain. An enum rather than a protocol so that a
/// snapshot can encode the generators' states without a type registry and the tick loop
/// dispatches without existentials. A new kind of traffic is a new generator type and a case here.
package enum TrafficGenerator: Sendable, Hashable, Codable {
    case browsing(WebBrowsingGenerator)
    case workstations(WorkstationActivityGenerator)
    case dhcpLeases(DHCPLeaseGenerator)
    case adminSSH(AdminSSHGenerator)
    case httpFlood(HTTPFloodGenerator)
    case sshBruteForce(SSHBruteForceGenerator)
    case dnsTunnel(DNSTunnelGenerator)
    case rogueDevice(RogueDeviceGenerator)
    case portScan(PortScanGenerator)

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        switch self {
        case .browsing(var generator):
            generator.generate(into: &batch, random: &random)
            self = .browsing(generator)
        case .workstations(var generator):
            generator.generate(into: &batch, random: &random)
            self = .workstations(generator)
        case .dhcpLeases(var generator):
            generator.generate(into: &batch, random: &random)
            self = .dhcpLeases(generator)
        case .adminSSH(var generator):
            generator.generate(into: &batch, random: &random)
            self = .adminSSH(generator)
        case .httpFlood(var generator):
            generator.generate(into: &batch, random: &random)
            self = .httpFlood(generator)
        case .sshBruteForce(var generator):
            generator.generate(into: &batch, random: &random)
            self = .sshBruteForce(generator)
        case .dnsTunnel(var generator):
            generator.generate(into: &batch, random: &random)
            self = .dnsTunnel(generator)
        case .rogueDevice(var generator):
            generator.generate(into: &batch, random: &random)
            self = .rogueDevice(generator)
        case .portScan(var generator):
            generator.generate(into: &batch, random: &random)
            self = .portScan(generator)
        }
    }
}
