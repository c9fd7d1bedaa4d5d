import Glibc

/// The wall clock as the audit trail and ledgers record it.
package enum WallClock {
    /// Milliseconds since the Unix epoch (CLOCK_REALTIME).
    package static func nowMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }
}
