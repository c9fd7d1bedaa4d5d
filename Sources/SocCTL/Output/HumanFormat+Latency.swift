extension HumanFormat {
    /// A round-trip time at the precision that matters for it: `84µs`, `1.25ms`, `2.50s`.
    package static func latency(nanoseconds: UInt64) -> String {
        if nanoseconds < 1_000_000 { return "\(nanoseconds / 1000)µs" }
        if nanoseconds < 1_000_000_000 { return hundredths(nanoseconds / 10_000) + "ms" }
        return hundredths(nanoseconds / 10_000_000) + "s"
    }

    /// `value` hundredths as `1.05`.
    private static func hundredths(_ value: UInt64) -> String {
        let fraction = value % 100
        return "\(value / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
