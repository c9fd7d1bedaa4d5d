/// Where the learner stands in the loaded scenario.
package struct ScenarioStatus: Sendable, Hashable, Codable {
    package var name: String
    package var title: String
    package var objective: String
    package var hints: [String]
    package var attackStarted: Bool
    /// Consecutive ticks, up to now, in which no malicious packet reached the server (since the
    /// attack began; 0 before).
    package var ticksProtected: Int64
    package var windowTicks: Int
    /// Legitimate success over the check's window; nil until something legitimate was sent.
    package var legitimateSuccessRate: Double?
    package var attackPacketsBlocked: Int
    package var legitimatePacketsLost: Int
    package var outcome: ScenarioOutcome?
    /// `SOC{...}` once solved, when the simulation was given the install's secret.
    package var flag: String?

    package var solved: Bool { outcome != nil }
}

extension Simulation {
    package var scenarioStatus: ScenarioStatus {
        let protectedSince = ScenarioCheck.protectedSinceTick(progress)
        return ScenarioStatus(
            name: scenario.name, title: scenario.title, objective: scenario.objective, hints: scenario.hints,
            attackStarted: progress.attackStartTick != nil,
            ticksProtected: protectedSince.map { max(0, tick - $0) } ?? 0,
            windowTicks: scenario.check.windowTicks, legitimateSuccessRate: progress.legitimateWindow.successRate,
            attackPacketsBlocked: counters.maliciousBlocked, legitimatePacketsLost: counters.legitimateLost,
            outcome: progress.outcome,
            flag: progress.outcome == nil
                ? nil : flagSecret.map { ScenarioFlag.derive(scenarioName: scenario.name, seed: seed, secret: $0) })
    }
}
