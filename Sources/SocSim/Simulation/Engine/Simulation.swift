/// The simulated network under attack: traffic generation, the router's firewall, the servers'
/// effects, the data sources and the scenario's progress, advanced one tick at a time.
///
/// A value type with no shared state: whoever owns it (the daemon's simulation actor) serializes
/// access. It performs no I/O and reads no clock; `step(ticks:filter:)` is the only way time moves,
/// and the same scenario, seed and filter decisions at the same ticks give the same packets and
/// logs. `snapshot` captures everything needed to resume except retained logs, which are bounded
/// in-memory history.
package struct Simulation: Sendable {
    package let scenario: ScenarioDefinition
    package let seed: UInt64
    package let configuration: SimulationConfiguration
    package let topology: NetworkTopology
    /// The attack's network and the addresses it started from: ground truth for tests and for a
    /// debrief, never shown to the learner while the scenario runs.
    package let attackerNetwork: IPv4CIDR
    package let initialAttackerAddresses: [IPv4Address]

    /// The next tick to simulate; ticks `0..<tick` have happened.
    package internal(set) var tick: Int64 = 0
    package internal(set) var counters = SimulationCounters()
    package internal(set) var progress: ScenarioProgress
    package internal(set) var webServer: WebServerModel
    package internal(set) var logs: LogStore
    package internal(set) var recentTraffic: RingBuffer<ObservedPacket>

    var random: Xoshiro256StarStar
    var generators: [TrafficGenerator]
    var dhcpServer: DHCPServerModel
    var siteHealthWindow = TickWindowCounter(windowTicks: SiteHealth.windowTicks)
    var batch: PacketBatch
    /// Per-tick scratch, kept to reuse its storage.
    var verdicts: [PacketVerdict] = []
    /// Per guarded service of the check, this tick's legitimate packets and successes.
    var guardedTally: [(attempted: Int, succeeded: Int)] = []
    let interfaces: FirewallInterfaceResolver
    let endpoints: ServiceEndpoints
    let flagSecret: FlagSecret?

    /// Loads `scenario` from `catalog` with `seed`. `flagSecret` is needed only to reveal the flag.
    package init(
        scenarioNamed name: String = ScenarioCatalog.defaultScenarioName, seed: UInt64,
        configuration: SimulationConfiguration = SimulationConfiguration(), flagSecret: FlagSecret?,
        catalog: ScenarioCatalog = .standard
    ) throws(SimulationError) {
        guard let definition = catalog.definition(named: name) else {
            throw .unknownScenario(name, known: catalog.scenarios.map(\.name))
        }
        self.init(scenario: definition, seed: seed, configuration: configuration, flagSecret: flagSecret)
    }

    package init(
        scenario: ScenarioDefinition, seed: UInt64, configuration: SimulationConfiguration = SimulationConfiguration(),
        flagSecret: FlagSecret?
    ) {
        let world = ScenarioWorld(definition: scenario, seed: seed, trafficScale: configuration.trafficScale)
        self.scenario = scenario
        self.seed = seed
        self.configuration = configuration
        self.flagSecret = flagSecret
        topology = world.topology
        attackerNetwork = world.attackerNetwork
        initialAttackerAddresses = world.attackerAddresses
        interfaces = FirewallInterfaceResolver(topology: world.topology)
        endpoints = ServiceEndpoints(topology: world.topology)
        progress = ScenarioProgress(check: scenario.check)
        webServer = WebServerModel(
            capacityPerTick: max(1, Int(Double(scenario.serverCapacityPerTick) * configuration.trafficScale + 0.5)))
        logs = LogStore(retention: configuration.retention)
        recentTraffic = RingBuffer(capacity: configuration.retention.traffic)
        random = Xoshiro256StarStar(seed: seed)
        generators = world.generators
        dhcpServer = DHCPServerModel(reservations: world.dhcpReservations, pool: DHCPServerModel.roomPool)
        batch = PacketBatch(nextPacketID: 1)
    }

    /// Advances the simulation by `ticks` ticks, asking `filter` for every packet's verdict.
    package mutating func step<Filter: PacketFilter>(ticks: Int = 1, filter: inout Filter) {
        precondition(ticks >= 0, "cannot step backwards")
        for _ in 0..<ticks { advanceOneTick(filter: &filter) }
    }

    /// The site's health as legitimate users see it now.
    package var siteHealth: SiteHealth {
        SiteHealth(legitimateSuccessRate: siteHealthWindow.successRate, serverLoad: webServer.load)
    }

    /// The simulated time of the next tick, in milliseconds since the epoch.
    package var nowMilliseconds: Int64 { configuration.clock.epochMilliseconds(atTick: tick) }
}
