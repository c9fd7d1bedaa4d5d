/// The result of a solved scenario, fixed at the tick it was solved.
package struct ScenarioOutcome: Sendable, Hashable, Codable {
    package var solvedAtTick: Int64
    /// From the first attack packet to the first tick after which none got through the firewall.
    package var ticksToSolve: Int64
    /// Malicious packets the firewall dropped or rejected, up to the solve.
    package var attackPacketsBlocked: Int
    /// Legitimate packets that failed, dropped by the firewall or refused by the overloaded
    /// server, up to the solve.
    package var legitimatePacketsLost: Int
    /// The legitimate success rate over the check's window when it was solved.
    package var legitimateSuccessRate: Double
    /// 0-100, see `ScenarioScore`.
    package var score: Int

    package init(
        solvedAtTick: Int64, ticksToSolve: Int64, attackPacketsBlocked: Int, legitimatePacketsLost: Int,
        legitimateSuccessRate: Double, score: Int
    ) {
        self.solvedAtTick = solvedAtTick
        self.ticksToSolve = ticksToSolve
        self.attackPacketsBlocked = attackPacketsBlocked
        self.legitimatePacketsLost = legitimatePacketsLost
        self.legitimateSuccessRate = legitimateSuccessRate
        self.score = score
    }
}
