/// Scoring of a solved scenario, out of 100: 60 for solving it, up to 20 for speed and up to 20
/// for precision. Speed is full within a minute of the attack's start (600 ticks at the default
/// 10 ticks/s) and falls linearly to nothing at ten minutes. Precision is the legitimate success
/// rate over the check's window, mapped from the pass mark (no points) to 100 % (full points), so a
/// rule that also catches innocent traffic costs points even when it passes.
package enum ScenarioScore {
    package static let forSolving = 60
    package static let forSpeed = 20
    package static let forPrecision = 20
    package static let fullSpeedTicks: Int64 = 600
    package static let noSpeedTicks: Int64 = 6_000

    package static func score(ticksToSolve: Int64, legitimateSuccessRate: Double, passMark: Double) -> Int {
        let speed = Double(noSpeedTicks - ticksToSolve) / Double(noSpeedTicks - fullSpeedTicks)
        let precision = passMark >= 1 ? 1 : (legitimateSuccessRate - passMark) / (1 - passMark)
        // + 0.5 then truncation rounds these non-negative values; `rounded()` would need libm, which
        // this module does not link.
        return forSolving + Int(Double(forSpeed) * clamp(speed) + 0.5)
            + Int(Double(forPrecision) * clamp(precision) + 0.5)
    }

    private static func clamp(_ value: Double) -> Double { min(1, max(0, value)) }
}
