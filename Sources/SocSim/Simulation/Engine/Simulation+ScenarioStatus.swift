extension Simulation {
    package var scenarioStatus: ScenarioStatus {
        let protectedSince = ScenarioCheck.protectedSinceTick(progress)
        return ScenarioStatus(
            name: scenario.name, title: scenario.title, objective: scenario.objective, hints: scenario.hints,
            attackStarted: progress.attackStartTick != nil,
            ticksProtected: protectedSince.map { max(0, tick - $0) } ?? 0,
            windowTicks: scenario.check.windowTicks, legitimateSuccessRate: progress.legitimateWindow.successRate,
            attackPacketsBlocked: counters.maliciousBlocked, attackPacketsThrough: counters.maliciousThrough,
            legitimatePacketsLost: counters.legitimateLost, outcome: progress.outcome,
            compromisedAtTick: progress.compromisedAtTick, compromise: progress.compromise,
            flag: progress.outcome == nil
                ? nil : flagSecret.map { ScenarioFlag.derive(scenarioName: scenario.name, seed: seed, secret: $0) })
    }
}
