/// The saved simulation: what `SimulationStateTable` keeps in its one row.
///
/// `snapshot` is a `SimulationSnapshot` as JSON text (its generator and random state included);
/// the scenario, seed and tick beside it are copies for people reading the database with
/// `sqlite3`, and for the daemon's log. The clock's speed and paused state are the operator's
/// choices and persist with it.
package struct SimulationStateRecord: Sendable, Hashable {
    package var scenario: String
    package var seed: UInt64
    package var tick: Int64
    package var paused: Bool
    package var ticksPerSecond: Double
    package var snapshot: String
    package var savedAtMilliseconds: Int64

    package init(
        scenario: String, seed: UInt64, tick: Int64, paused: Bool, ticksPerSecond: Double, snapshot: String,
        savedAtMilliseconds: Int64
    ) {
        self.scenario = scenario
        self.seed = seed
        self.tick = tick
        self.paused = paused
        self.ticksPerSecond = ticksPerSecond
        self.snapshot = snapshot
        self.savedAtMilliseconds = savedAtMilliseconds
    }
}
