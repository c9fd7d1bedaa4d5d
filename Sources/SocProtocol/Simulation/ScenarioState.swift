import JSONRPC

/// Whether the loaded scenario can still be won: `scenario.status`'s `state`.
package enum ScenarioState: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
    /// Neither solved nor lost yet. (Whether the clock runs is `sim.status`'s `state`.)
    case inProgress
    /// The objective was met; a scenario stays solved.
    case solved
    /// The attacker got in before the objective was met: the scenario is lost until reloaded.
    case compromised
}
