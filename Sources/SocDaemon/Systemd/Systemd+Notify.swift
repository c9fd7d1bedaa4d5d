import CSystemd
import SocPOSIX

extension Systemd {
    /// Sends a state change to the service manager (sd_notify): `"READY=1"`,
    /// `"STATUS=serving 3 clients"`, `"STOPPING=1"`, `"WATCHDOG=1"`, or several such lines
    /// joined by newlines.
    ///
    /// - Returns: whether the message was delivered; false when `NOTIFY_SOCKET` is unset
    ///   (socd is not a notify service) or sending failed. There is nothing to do about
    ///   either, so callers may ignore the result.
    @discardableResult
    package static func notify(_ state: String) -> Bool {
        sd_notify(0, state) > 0
    }

    /// How often the service manager expects `notify("WATCHDOG=1")` (sd_watchdog_enabled);
    /// `nil` when no watchdog is configured for this process. Ping at half this interval.
    package static func watchdogInterval() -> Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0 else {
            return nil
        }
        return .microseconds(Int64(clamping: microseconds))
    }
}
