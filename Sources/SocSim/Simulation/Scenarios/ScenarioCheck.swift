/// What "solved" means for a scenario. New kinds of objectives (say, "no successful SSH login from
/// the brute-forcer") become new cases evaluated against `ScenarioProgress`.
package enum ScenarioCheck: Sendable, Hashable {
    /// Solved once, after the attack began, no malicious packet has reached the web server for
    /// `windowTicks` consecutive ticks while at least `minimumLegitimateSuccess` of the legitimate
    /// packets of those ticks succeeded (a packet the firewall dropped counts as failed).
    case sustainedProtection(windowTicks: Int, minimumLegitimateSuccess: Double)

    package var windowTicks: Int {
        switch self {
        case .sustainedProtection(let windowTicks, _): windowTicks
        }
    }

    /// The first tick since which the attack has not reached the server, if the attack started.
    package static func protectedSinceTick(_ progress: ScenarioProgress) -> Int64? {
        guard let start = progress.attackStartTick else { return nil }
        return max(start, (progress.lastMaliciousDeliveryTick ?? start - 1) + 1)
    }

    /// Whether the check holds after `tick` has been simulated.
    package func isSatisfied(by progress: ScenarioProgress, afterTick tick: Int64) -> Bool {
        switch self {
        case .sustainedProtection(let windowTicks, let minimumLegitimateSuccess):
            guard let protectedSince = Self.protectedSinceTick(progress),
                tick + 1 - protectedSince >= Int64(windowTicks), progress.legitimateWindow.isFull,
                let success = progress.legitimateWindow.successRate
            else { return false }
            return success >= minimumLegitimateSuccess
        }
    }
}
