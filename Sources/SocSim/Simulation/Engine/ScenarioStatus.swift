/// Where the learner stands in the loaded scenario.
package struct ScenarioStatus: Sendable, Hashable, Codable {
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
    package var legitimatePacketsLost: Int
    package var outcome: ScenarioOutcome?
    /// The tick the attacker got in, when it did: the scenario is lost and can only be reloaded.
    package var compromisedAtTick: Int64?
    /// `SOC{...}` once solved, when the simulation was given the install's secret.
    package var flag: String?

    package var solved: Bool { outcome != nil }
}
