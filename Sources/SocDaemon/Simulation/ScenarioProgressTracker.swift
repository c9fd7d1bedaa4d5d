import SocProtocol
import SocSim

/// Notices the scenario changes worth a `scenario` event: the attack starting, protection
/// beginning or breaking, progress passing a tenth of the window, the solve, and the attacker
/// getting in. Reads the
/// simulation's progress only, so checking after every batch of ticks costs nothing.
struct ScenarioProgressTracker: Sendable {
    private struct Milestone: Hashable {
        var attackStarted: Bool
        var protecting: Bool
        var tenths: Int64
        var solved: Bool
        var compromised: Bool
    }

    private var last: Milestone?

    init(_ simulation: Simulation) { last = Self.milestone(of: simulation) }

    /// The event for what changed since the last call, if anything did.
    mutating func update(_ simulation: Simulation) -> ScenarioEvent.Kind? {
        let now = Self.milestone(of: simulation)
        defer { last = now }
        guard now != last else { return nil }
        if now.solved && last?.solved != true { return .solved }
        if now.compromised && last?.compromised != true { return .compromised }
        return .progress
    }

    private static func milestone(of simulation: Simulation) -> Milestone {
        let progress = simulation.progress
        let protectedTicks = ScenarioCheck.protectedSinceTick(progress).map { max(0, simulation.tick - $0) } ?? 0
        let window = Int64(max(1, simulation.scenario.check.windowTicks))
        return Milestone(
            attackStarted: progress.attackStartTick != nil, protecting: protectedTicks > 0,
            tenths: min(10, protectedTicks * 10 / window), solved: progress.outcome != nil,
            compromised: progress.compromisedAtTick != nil)
    }
}
