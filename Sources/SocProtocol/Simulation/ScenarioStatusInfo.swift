import JSONRPC

/// Where the learner stands in the loaded scenario: `scenario.status`.
package struct ScenarioStatusInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var name: String
    package var title: String
    package var difficulty: ScenarioInfo.Difficulty
    package var objective: String
    package var hints: [String]
    package var seed: Int
    package var tick: Int
    package var attackStarted: Bool
    /// Consecutive ticks, up to now, in which no attack packet reached the server.
    package var ticksProtected: Int
    package var windowTicks: Int
    /// 0-1: `ticksProtected / windowTicks`, and 1 once solved.
    package var progress: Double
    package var legitimateSuccessRate: Double?
    package var attackPacketsBlocked: Int
    package var legitimatePacketsLost: Int
    package var solved: Bool
    /// `SOC{...}`, only once solved.
    package var flag: String?
    package var outcome: ScenarioOutcomeInfo?

    package init(
        name: String, title: String, difficulty: ScenarioInfo.Difficulty, objective: String, hints: [String],
        seed: Int, tick: Int, attackStarted: Bool, ticksProtected: Int, windowTicks: Int, progress: Double,
        legitimateSuccessRate: Double?, attackPacketsBlocked: Int, legitimatePacketsLost: Int, solved: Bool,
        flag: String?, outcome: ScenarioOutcomeInfo?
    ) {
        self.name = name
        self.title = title
        self.difficulty = difficulty
        self.objective = objective
        self.hints = hints
        self.seed = seed
        self.tick = tick
        self.attackStarted = attackStarted
        self.ticksProtected = ticksProtected
        self.windowTicks = windowTicks
        self.progress = progress
        self.legitimateSuccessRate = legitimateSuccessRate
        self.attackPacketsBlocked = attackPacketsBlocked
        self.legitimatePacketsLost = legitimatePacketsLost
        self.solved = solved
        self.flag = flag
        self.outcome = outcome
    }

    package static let fieldDescriptions = [
        "name": "The scenario's identifier.",
        "seed": "The seed it was loaded with.",
        "tick": "The simulation's current tick.",
        "attackStarted": "Whether the first attack packet has been sent.",
        "ticksProtected": "Consecutive ticks, up to now, in which no attack packet reached the server.",
        "windowTicks": "How many such ticks the check needs.",
        "progress": "0-1 toward the objective; 1 once solved.",
        "legitimateSuccessRate": "Legitimate success over the check's window (0-1); absent before any traffic.",
        "attackPacketsBlocked": "Attack packets the firewall stopped so far.",
        "legitimatePacketsLost": "Legitimate packets blocked or refused so far.",
        "solved": "Whether the objective has been met; a scenario stays solved.",
        "flag": "SOC{...}: shown once solved.",
        "outcome": "Time to solve, packets and score, once solved.",
    ]
}
