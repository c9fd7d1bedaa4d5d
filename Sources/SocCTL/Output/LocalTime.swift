import Glibc

/// A time of day on the local clock, to the millisecond: what `socctl events` stamps lines with.
package struct LocalTime: Sendable, Hashable, CustomStringConvertible {
    package var hour: Int
    package var minute: Int
    package var second: Int
    package var millisecond: Int

    package init(hour: Int, minute: Int, second: Int, millisecond: Int) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
    }

    /// The current time in the process's time zone (`$TZ`, else `/etc/localtime`).
    package static func now() -> LocalTime {
        var now = timespec()
        // clock_gettime cannot fail for CLOCK_REALTIME with a valid pointer.
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var fields = tm()
        // localtime_r fails only for years beyond what `tm` holds, which the real clock never reaches.
        localtime_r(&seconds, &fields)
        return LocalTime(
            hour: Int(fields.tm_hour), minute: Int(fields.tm_min), second: Int(fields.tm_sec),
            millisecond: Int(now.tv_nsec / 1_000_000))
    }

    /// `HH:MM:SS.mmm`.
    package var description: String {
        "\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2)).\(Self.pad(millisecond, 3))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
