/// A measured value with its unit, formatted the way the tables show it.
struct Quantity {
    enum Unit {
        case nanoseconds
        case perSecond
        case bytes
        /// A share, as a percentage (of one core's time, for CPU use).
        case percent
    }

    var value: Double
    var unit: Unit

    static func nanoseconds(_ value: Double) -> Quantity { Quantity(value: value, unit: .nanoseconds) }
    static func milliseconds(_ value: Double) -> Quantity { Quantity(value: value * 1e6, unit: .nanoseconds) }
    static func perSecond(_ value: Double) -> Quantity { Quantity(value: value, unit: .perSecond) }
    /// Decimal megabytes (10^6 bytes), as the targets are stated.
    static func megabytes(_ value: Double) -> Quantity { Quantity(value: value * 1e6, unit: .bytes) }
    static func bytes(_ value: Int) -> Quantity { Quantity(value: Double(value), unit: .bytes) }
    static func percent(_ value: Double) -> Quantity { Quantity(value: value, unit: .percent) }

    var formatted: String {
        switch unit {
        case .nanoseconds:
            if value < 1e3 { return "\(Self.decimal(value, digits: 0)) ns" }
            if value < 1e6 { return "\(Self.decimal(value / 1e3, digits: value < 1e5 ? 1 : 0)) µs" }
            if value < 1e9 { return "\(Self.decimal(value / 1e6, digits: value < 1e8 ? 2 : 0)) ms" }
            return "\(Self.decimal(value / 1e9, digits: 2)) s"
        case .perSecond:
            return "\(Self.grouped(Int(value.rounded())))/s"
        case .bytes:
            return "\(Self.decimal(value / 1e6, digits: 1)) MB"
        case .percent:
            return "\(Self.decimal(value, digits: value < 10 ? 2 : 1)) %"
        }
    }

    /// `value` with `digits` decimals (no Foundation formatter: this stays Glibc-only).
    static func decimal(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard digits > 0 else { return String(scaled) }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let fraction = String(magnitude % Int(scale))
        return sign + String(magnitude / Int(scale)) + "." + String(repeating: "0", count: digits - fraction.count)
            + fraction
    }

    /// An integer with thin groups of three digits: 1,234,567.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
