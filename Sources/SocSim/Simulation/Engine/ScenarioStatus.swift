/// Where the learner stands in the loaded scenario.
package struct ScenarioStatus: Sendable, Hashable, Codable {
    /// Whether the scenario can still be won.
    package enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Neither solved nor lost yet.
        case inProgress
        /// The check held; a scenario stays solved, even if the attacker gets in afterwards.
        case solved
        /// The attacker got in before the check held: only reloading helps.
        case compromised
    }

    package var name: String
    package var title: String
    package var objective: String
    package var hints: [String]
    package var attackStarted: Bool
    /// Consecutive ticks, up to now, in which no malicious packet got through the firewall (since
    /// the attack began; 0 before).
    package var ticksProtected: Int64
    package var windowTicks: Int
    /// Legitimate success over the check's window; nil until something legitimate was sent.
    package var legitimateSuccessRate: Double?
    package var attackPacketsBlocked: Int
    /// Attack packets the firewall let through, to wherever they were going.
    package var attackPacketsThrough: Int
    package var legitimatePacketsLost: Int
    package var outcome: ScenarioOutcome?
    /// The tick the attacker got in, when it did: the scenario is lost and can only be reloaded.
    package var compromisedAtTick: Int64?
    /// How the attacker got in; nil when it did not, or in a state resumed from before the
    /// details were kept.
    package var compromise: ScenarioCompromise?
    /// `SOC{...}` once solved, when the simulation was given the install's secret.
    package var flag: String?

    package var solved: Bool { outcome != nil }

    /// A scenario cannot be solved once compromised, so a solve came first and wins.
    package var state: State {
        if solved { return .solved }
        return compromisedAtTick == nil ? .inProgress : .compromised
    }
}
