import JSONRPC

/// The simulation clock and what the network is doing: `sim.status` and the other `sim.*` results.
package struct SimStatusInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    /// The next tick to simulate; ticks before it have happened.
    package var tick: Int
    /// The simulated time of `tick` (ISO 8601, UTC); it derives from the tick alone.
    package var simulatedTime: String
    package var state: SimRunState
    /// The speed the clock runs at while `running` (kept while paused).
    package var ticksPerSecond: Double
    package var scenario: String
    package var seed: Int
    package var siteHealth: SimSiteHealth
    /// Arrivals at the web server as a multiple of its capacity, smoothed: above 1 it refuses requests.
    package var serverLoad: Double
    package var solved: Bool
    /// The tick the attacker got in, when it did: the scenario is lost (`scenario.status` says how).
    package var compromisedAtTick: Int?
    package var counters: SimCounters

    package init(
        tick: Int, simulatedTime: String, state: SimRunState, ticksPerSecond: Double, scenario: String, seed: Int,
        siteHealth: SimSiteHealth, serverLoad: Double, solved: Bool, compromisedAtTick: Int? = nil,
        counters: SimCounters
    ) {
        self.tick = tick
        self.simulatedTime = simulatedTime
        self.state = state
        self.ticksPerSecond = ticksPerSecond
        self.scenario = scenario
        self.seed = seed
        self.siteHealth = siteHealth
        self.serverLoad = serverLoad
        self.solved = solved
        self.compromisedAtTick = compromisedAtTick
        self.counters = counters
    }

    package static let fieldDescriptions = [
        "tick": "The next tick to simulate; ticks before it have happened (a tick is 100 ms of simulated time).",
        "simulatedTime": "The simulated time of that tick (ISO 8601, UTC).",
        "state": "running (the clock advances in real time) or paused.",
        "ticksPerSecond": "How fast the clock runs while running.",
        "scenario": "The loaded scenario's name.",
        "seed": "The seed it was loaded with; the same seed and rule changes replay the same traffic.",
        "siteHealth": "up, degraded or down, as legitimate visitors see the site.",
        "serverLoad": "Web server arrivals over capacity, smoothed; above 1 it refuses requests.",
        "solved": "Whether the scenario's objective has been met.",
        "compromisedAtTick": "The tick the attacker got in, when it did: the scenario is lost (absent otherwise).",
        "counters": "Packet totals since the scenario was loaded.",
    ]
}
