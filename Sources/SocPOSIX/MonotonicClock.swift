import Glibc

/// CLOCK_MONOTONIC: for measuring intervals and deadlines; never jumps when the wall clock
/// is set, and means nothing across reboots or processes.
package enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point (boot, on Linux).
    package static var now: UInt64 {
        var time = timespec()
        // clock_gettime cannot fail for CLOCK_MONOTONIC with a valid pointer.
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
