import Glibc

/// CLOCK_MONOTONIC in nanoseconds, for the writer's polling deadline. (SocStore does not
/// depend on SocPOSIX, whose `MonotonicClock` is the same reading.)
enum MonotonicNanoseconds {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
