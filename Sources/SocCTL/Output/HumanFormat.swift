/// Numbers written for people: durations (`1h 4m`), times relative to now (`3m ago`, `in 2h`)
/// and byte counts (`1.5 KiB`).
package enum HumanFormat {
    private static let units: [(suffix: String, seconds: Int64)] = [
        ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1),
    ]

    /// The two largest non-zero units: `45s`, `4m 5s`, `1h 4m`, `2d 3h`, `1h`; below a second,
    /// milliseconds (`350ms`); negative durations get a minus sign.
    package static func duration(_ duration: Duration) -> String {
        let milliseconds = self.milliseconds(duration)
        if milliseconds < 0 { return "-" + self.duration(.milliseconds(-milliseconds)) }
        if milliseconds == 0 { return "0s" }
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        var remaining = milliseconds / 1000
        var parts: [String] = []
        for unit in units {
            let count = remaining / unit.seconds
            remaining %= unit.seconds
            if count > 0 {
                parts.append("\(count)\(unit.suffix)")
            } else if !parts.isEmpty {
                break
            }
            if parts.count == 2 { break }
        }
        return parts.joined(separator: " ")
    }

    /// The largest whole unit of `offset` from now: `3m ago` for a negative offset, `in 2h` for a
    /// positive one, `now` within a second.
    package static func relative(_ offset: Duration) -> String {
        let milliseconds = self.milliseconds(offset)
        let seconds = abs(milliseconds) / 1000
        guard seconds > 0 else { return "now" }
        let unit = units.first { seconds >= $0.seconds }!
        let text = "\(seconds / unit.seconds)\(unit.suffix)"
        return milliseconds < 0 ? "\(text) ago" : "in \(text)"
    }

    /// `when` relative to `now`, both in seconds since the epoch.
    package static func relative(_ when: Double, now: Double) -> String {
        relative(.milliseconds(Int64(((when - now) * 1000).rounded())))
    }

    /// Binary units: `512 B`, `1.5 KiB`, `12 MiB`; one decimal below ten units.
    package static func bytes(_ count: Int64) -> String {
        if count < 0 { return "-" + bytes(-count) }
        if count < 1024 { return "\(count) B" }
        let suffixes = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var scaled = Double(count) / 1024
        var unit = 0
        while unit < suffixes.count - 1, (scaled * 10).rounded() / 10 >= 1024 {
            scaled /= 1024
            unit += 1
        }
        let tenths = Int64((scaled * 10).rounded())
        if tenths < 100 { return "\(tenths / 10).\(tenths % 10) \(suffixes[unit])" }
        return "\(Int64(scaled.rounded())) \(suffixes[unit])"
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
