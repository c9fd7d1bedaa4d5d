/// A UTC calendar date and time, computed from milliseconds since the Unix epoch without
/// Foundation (Howard Hinnant's `civil_from_days`), for the timestamps of native log lines.
package struct CivilTime: Sendable, Hashable {
    package var year: Int
    /// 1-12.
    package var month: Int
    /// 1-31.
    package var day: Int
    package var hour: Int
    package var minute: Int
    package var second: Int
    package var millisecond: Int

    package init(epochMilliseconds: Int64) {
        let millisecondsPerDay: Int64 = 86_400_000
        var days = epochMilliseconds / millisecondsPerDay
        var remainder = epochMilliseconds % millisecondsPerDay
        if remainder < 0 {
            days -= 1
            remainder += millisecondsPerDay
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        hour = Int(remainder / 3_600_000)
        minute = Int(remainder / 60_000 % 60)
        second = Int(remainder / 1000 % 60)
        millisecond = Int(remainder % 1000)
    }

    private static let monthAbbreviations = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    private var monthAbbreviation: String { Self.monthAbbreviations[month - 1] }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private var clock: String { "\(Self.twoDigits(hour)):\(Self.twoDigits(minute)):\(Self.twoDigits(second))" }

    /// `May  4 09:00:01`: the BSD syslog (RFC 3164) timestamp, day padded with a space.
    package var syslogTimestamp: String {
        "\(monthAbbreviation) \(day < 10 ? " \(day)" : "\(day)") \(clock)"
    }

    /// `04/May/2024:09:00:01 +0000`: Apache's `%t` without the brackets.
    package var apacheTimestamp: String {
        "\(Self.twoDigits(day))/\(monthAbbreviation)/\(year):\(clock) +0000"
    }

    /// `2024-05-04T09:00:01.250Z`.
    package var iso8601: String {
        let milliseconds =
            millisecond < 10 ? "00\(millisecond)" : millisecond < 100 ? "0\(millisecond)" : "\(millisecond)"
        return "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))T\(clock).\(milliseconds)Z"
    }
}
