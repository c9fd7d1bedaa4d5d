import SocPOSIX

extension MonotonicClock {
    /// Milliseconds on the monotonic clock: the unit of every timeout and deadline in the daemon.
    static var milliseconds: Int64 { Int64(now / 1_000_000) }
}
