import Glibc

/// A point in monotonic time a wait must not pass.
struct Deadline {
    let nanoseconds: UInt64

    init(seconds: Double) {
        nanoseconds = Self.now + UInt64(seconds * 1e9)
    }

    static var now: UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    var hasPassed: Bool { Self.now >= nanoseconds }

    /// What is left, in whole milliseconds for poll(2); 0 once passed.
    var remainingMilliseconds: Int32 {
        let now = Self.now
        return now >= nanoseconds ? 0 : Int32(min(Int64(Int32.max), Int64((nanoseconds - now) / 1_000_000) + 1))
    }
}

/// Seconds since `start` (a `Deadline.now` reading).
func secondsSince(_ start: UInt64) -> Double { Double(Deadline.now - start) / 1e9 }

/// Checks `condition` every `interval` seconds until it holds or `timeout` passes; returns
/// whether it held. For conditions that have no event to wait on (a process state, a counter).
func eventually(timeout: Double, interval: Double = 0.005, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Deadline(seconds: timeout)
    while true {
        if try condition() { return true }
        if deadline.hasPassed { return false }
        usleep(useconds_t(interval * 1e6))
    }
}
