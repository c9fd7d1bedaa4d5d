/// What "solved" means for a scenario, evaluated against `ScenarioProgress`. Whatever the case, a
/// scenario whose attacker got in (a malicious login the server accepted) can no longer be solved.
package enum ScenarioCheck: Sendable, Hashable {
    /// Solved once, after the attack began, no malicious packet has got through the firewall for
    /// `windowTicks` consecutive ticks while at least `minimumLegitimateSuccess` of the legitimate
    /// packets of those ticks succeeded (a packet the firewall dropped counts as failed), and as
    /// much of each `guarding` service's legitimate packets, of which the window must hold some.
    case sustainedProtection(windowTicks: Int, minimumLegitimateSuccess: Double, guarding: [GuardedService] = [])

    package var windowTicks: Int {
        switch self {
        case .sustainedProtection(let windowTicks, _, _): windowTicks
        }
    }

    /// The legitimate success rate below which the check fails.
    package var minimumLegitimateSuccess: Double {
        switch self {
        case .sustainedProtection(_, let minimum, _): minimum
        }
    }

    /// The services whose legitimate traffic is measured on its own, in a fixed order.
    package var guardedServices: [GuardedService] {
        switch self {
        case .sustainedProtection(_, _, let guarding): guarding
        }
    }

    /// The first tick since which the attack has not got through, if the attack started.
    package static func protectedSinceTick(_ progress: ScenarioProgress) -> Int64? {
        guard let start = progress.attackStartTick else { return nil }
        return max(start, (progress.lastMaliciousDeliveryTick ?? start - 1) + 1)
    }

    /// Whether the check holds after `tick` has been simulated.
    package func isSatisfied(by progress: ScenarioProgress, afterTick tick: Int64) -> Bool {
        guard progress.compromisedAtTick == nil else { return false }
        switch self {
        case .sustainedProtection(let windowTicks, let minimumLegitimateSuccess, _):
            guard let protectedSince = Self.protectedSinceTick(progress),
                tick + 1 - protectedSince >= Int64(windowTicks), progress.legitimateWindow.isFull,
                let success = progress.legitimateWindow.successRate, success >= minimumLegitimateSuccess
            else { return false }
            return progress.guardedWindows.allSatisfy { window in
                window.successRate.map { $0 >= minimumLegitimateSuccess } ?? false
            }
        }
    }
}
