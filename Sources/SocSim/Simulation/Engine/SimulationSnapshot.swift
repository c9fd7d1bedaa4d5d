/// Everything needed to resume a simulation exactly where it was: the scenario's name and seed
/// (which rebuild the network), the clock and random state, every generator's and model's state,
/// and the counters. Retained logs and the traffic view are not included: they are bounded recent
/// history, and a restart begins them afresh. The flag secret is never included.
package struct SimulationSnapshot: Sendable, Hashable, Codable {
    package static let currentFormatVersion = 1

    package var formatVersion: Int
    package var scenarioName: String
    package var seed: UInt64
    package var configuration: SimulationConfiguration
    package var tick: Int64
    package var nextPacketID: UInt64
    package var randomState: [UInt64]
    package var generators: [TrafficGenerator]
    package var webServer: WebServerModel
    package var dhcpServer: DHCPServerModel
    package var counters: SimulationCounters
    package var progress: ScenarioProgress
    package var siteHealthWindow: TickWindowCounter
}
