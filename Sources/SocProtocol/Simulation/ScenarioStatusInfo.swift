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
    package var state: ScenarioState
    package var attackStarted: Bool
    /// Consecutive ticks, up to now, in which no attack packet got through the firewall.
    package var ticksProtected: Int
    package var windowTicks: Int
    /// 0-1: `ticksProtected / windowTicks`, 1 once solved and 0 once compromised.
    package var progress: Double
    package var legitimateSuccessRate: Double?
    package var attackPacketsBlocked: Int
    /// Attack packets the firewall let through, to wherever they were going.
    package var attackPacketsThrough: Int
    package var legitimatePacketsLost: Int
    package var solved: Bool
    /// Set once the attacker got in; `state` is then `compromised` unless it was solved first.
    package var compromisedAtTick: Int?
    package var compromise: ScenarioCompromiseInfo?
    /// `SOC{...}`, only once solved.
    package var flag: String?
    package var outcome: ScenarioOutcomeInfo?

    package init(
        name: String, title: String, difficulty: ScenarioInfo.Difficulty, objective: String, hints: [String],
        seed: Int, tick: Int, state: ScenarioState, attackStarted: Bool, ticksProtected: Int, windowTicks: Int,
        progress: Double, legitimateSuccessRate: Double?, attackPacketsBlocked: Int, attackPacketsThrough: Int,
        legitimatePacketsLost: Int, solved: Bool, compromisedAtTick: Int?, compromise: ScenarioCompromiseInfo?,
        flag: String?, outcome: ScenarioOutcomeInfo?
    ) {
        self.name = name
        self.title = title
        self.difficulty = difficulty
        self.objective = objective
        self.hints = hints
        self.seed = seed
        self.tick = tick
        self.state = state
        self.attackStarted = attackStarted
        self.ticksProtected = ticksProtected
        self.windowTicks = windowTicks
        self.progress = progress
        self.legitimateSuccessRate = legitimateSuccessRate
        self.attackPacketsBlocked = attackPacketsBlocked
        self.attackPacketsThrough = attackPacketsThrough
        self.legitimatePacketsLost = legitimatePacketsLost
        self.solved = solved
        self.compromisedAtTick = compromisedAtTick
        self.compromise = compromise
        self.flag = flag
        self.outcome = outcome
    }

    package static let fieldDescriptions = [
        "name": "The scenario's identifier.",
        "seed": "The seed it was loaded with.",
        "tick": "The simulation's current tick.",
        "state":
            "inProgress, solved, or compromised: the attacker got in first and the scenario is lost until "
            + "scenario.load reloads it.",
        "attackStarted": "Whether the first attack packet has been sent.",
        "ticksProtected": "Consecutive ticks, up to now, in which no attack packet got through the firewall.",
        "windowTicks": "How many such ticks the check needs.",
        "progress": "0-1 toward the objective; 1 once solved, 0 once compromised.",
        "legitimateSuccessRate": "Legitimate success over the check's window (0-1); absent before any traffic.",
        "attackPacketsBlocked": "Attack packets the firewall stopped so far.",
        "attackPacketsThrough":
            "Attack packets the firewall let through so far, wherever they were going (the web server, the "
            + "resolver, outside).",
        "legitimatePacketsLost": "Legitimate packets blocked or refused so far.",
        "solved": "Whether the objective has been met; a scenario stays solved.",
        "compromisedAtTick": "The tick the attacker got in; absent while it has not.",
        "compromise": "How the attacker got in: the host, service and account; absent while it has not.",
        "flag": "SOC{...}: shown once solved.",
        "outcome": "Time to solve, packets and score, once solved.",
    ]
}
