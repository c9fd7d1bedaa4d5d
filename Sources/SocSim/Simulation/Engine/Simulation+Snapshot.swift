extension Simulation {
    package var snapshot: SimulationSnapshot {
        SimulationSnapshot(
            formatVersion: SimulationSnapshot.currentFormatVersion, scenarioName: scenario.name, seed: seed,
            configuration: configuration, tick: tick, nextPacketID: batch.nextPacketID, randomState: random.state,
            generators: generators, webServer: webServer, dhcpServer: dhcpServer, counters: counters,
            progress: progress, siteHealthWindow: siteHealthWindow)
    }

    /// Resumes from `snapshot`. The scenario is looked up in `catalog` by name and its network
    /// rebuilt from the seed; `retention` replaces the snapshot's when given (an operator may have
    /// changed it between runs).
    package init(
        restoring snapshot: SimulationSnapshot, flagSecret: FlagSecret?, retention: LogRetention? = nil,
        catalog: ScenarioCatalog = .standard
    ) throws(SimulationError) {
        guard snapshot.formatVersion == SimulationSnapshot.currentFormatVersion else {
            throw .unsupportedSnapshot(version: snapshot.formatVersion)
        }
        guard let definition = catalog.definition(named: snapshot.scenarioName) else {
            throw .unknownScenario(snapshot.scenarioName, known: catalog.scenarios.map(\.name))
        }
        guard let random = Xoshiro256StarStar(state: snapshot.randomState) else {
            throw .invalidSnapshot("random state must be four words, not all zero")
        }
        guard snapshot.tick >= 0, snapshot.nextPacketID >= 1 else {
            throw .invalidSnapshot("tick \(snapshot.tick) or packet id \(snapshot.nextPacketID) out of range")
        }
        guard snapshot.progress.fits(definition.check) else {
            throw .invalidSnapshot("progress window does not match scenario \(definition.name)")
        }
        var configuration = snapshot.configuration
        if let retention { configuration.retention = retention }
        self.init(scenario: definition, seed: snapshot.seed, configuration: configuration, flagSecret: flagSecret)
        self.tick = snapshot.tick
        self.random = random
        self.generators = snapshot.generators
        self.webServer = snapshot.webServer
        self.dhcpServer = snapshot.dhcpServer
        self.counters = snapshot.counters
        self.progress = snapshot.progress
        self.siteHealthWindow = snapshot.siteHealthWindow
        self.batch = PacketBatch(nextPacketID: snapshot.nextPacketID)
    }
}
