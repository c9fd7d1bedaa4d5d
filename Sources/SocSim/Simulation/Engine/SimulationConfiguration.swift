/// Settings of a simulation run that are not part of the scenario.
package struct SimulationConfiguration: Sendable, Hashable, Codable {
    package var clock: SimulationClock
    package var retention: LogRetention
    /// Multiplies every traffic rate and the server's capacity alike, so a scenario behaves the
    /// same at any scale; benchmarks raise it to push millions of packets through.
    package var trafficScale: Double

    package init(clock: SimulationClock = .standard, retention: LogRetention = LogRetention(), trafficScale: Double = 1)
    {
        precondition(trafficScale > 0, "traffic scale must be positive")
        self.clock = clock
        self.retention = retention
        self.trafficScale = trafficScale
    }
}
