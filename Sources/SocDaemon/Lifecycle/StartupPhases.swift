import SocPOSIX

/// How long each step of start-up took, for the debug log: where a slow start goes (opening and
/// checking the database, loading the firewall rules, starting the servers).
struct StartupPhases {
    private var last = MonotonicClock.now
    private var phases: [(name: String, nanoseconds: UInt64)] = []

    /// Ends the current phase, naming it.
    mutating func end(_ name: String) {
        let now = MonotonicClock.now
        phases.append((name, now - last))
        last = now
    }

    /// "store 12 ms, services 3 ms, ...": one entry per ended phase, in order.
    var summary: String {
        phases.map { "\($0.name) \(Self.milliseconds($0.nanoseconds)) ms" }.joined(separator: ", ")
    }

    private static func milliseconds(_ nanoseconds: UInt64) -> String {
        let tenths = (nanoseconds + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
