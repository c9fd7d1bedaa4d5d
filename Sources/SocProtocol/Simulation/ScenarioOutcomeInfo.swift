import JSONRPC

/// The result of a solved scenario, fixed at the tick it was solved.
package struct ScenarioOutcomeInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var solvedAtTick: Int
    package var ticksToSolve: Int
    /// `ticksToSolve` in simulated seconds.
    package var secondsToSolve: Double
    package var attackPacketsBlocked: Int
    package var legitimatePacketsLost: Int
    package var legitimateSuccessRate: Double
    /// 0-100: 60 for solving, up to 20 for speed and up to 20 for precision.
    package var score: Int

    package init(
        solvedAtTick: Int, ticksToSolve: Int, secondsToSolve: Double, attackPacketsBlocked: Int,
        legitimatePacketsLost: Int, legitimateSuccessRate: Double, score: Int
    ) {
        self.solvedAtTick = solvedAtTick
        self.ticksToSolve = ticksToSolve
        self.secondsToSolve = secondsToSolve
        self.attackPacketsBlocked = attackPacketsBlocked
        self.legitimatePacketsLost = legitimatePacketsLost
        self.legitimateSuccessRate = legitimateSuccessRate
        self.score = score
    }

    package static let fieldDescriptions = [
        "solvedAtTick": "The tick at which the check first held.",
        "ticksToSolve": "From the first attack packet until the attack stopped getting through the firewall.",
        "secondsToSolve": "The same in simulated seconds.",
        "attackPacketsBlocked": "Attack packets the firewall stopped, up to the solve.",
        "legitimatePacketsLost": "Legitimate packets blocked or refused by the overloaded server, up to the solve.",
        "legitimateSuccessRate": "Legitimate success over the check's window when it was solved (0-1).",
        "score": "0-100: 60 for solving, up to 20 for speed, up to 20 for precision.",
    ]
}
