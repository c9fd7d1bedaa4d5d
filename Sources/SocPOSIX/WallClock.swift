import Glibc

/// CLOCK_REALTIME: for timestamps people read and that are stored; can jump when the clock is set.
package enum WallClock {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    package static var nowMilliseconds: Int64 {
        var time = timespec()
        // clock_gettime cannot fail for CLOCK_REALTIME with a valid pointer.
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
