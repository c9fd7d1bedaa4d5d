import SocPOSIX

/// Monotonic time for the measurements: every figure is read from CLOCK_MONOTONIC.
enum Stopwatch {
    /// Nanoseconds since an arbitrary fixed point.
    static var now: UInt64 { MonotonicClock.now }

    /// Nanoseconds since `start` (a value of `now`).
    static func elapsed(since start: UInt64) -> Double { Double(MonotonicClock.now &- start) }

    /// Runs `body` and returns how long it took, in nanoseconds.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = now
        try body()
        return elapsed(since: start)
    }
}
