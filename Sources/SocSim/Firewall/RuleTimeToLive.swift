/// How long a rule lives, parsed from the user's `ttl`: seconds as a number, or a string of
/// number-unit pairs (`90s`, `30m`, `4h`, `1d`, `1h30m`; a bare `"90"` is seconds).
package struct RuleTimeToLive: Sendable, Hashable, CustomStringConvertible {
    package let seconds: Int64

    /// A year: long enough for any ban worth a TTL, short enough that `expiresAt` arithmetic in
    /// milliseconds can never overflow.
    package static let maximumSeconds: Int64 = 365 * 86_400

    package init(seconds: Int64) {
        precondition(seconds > 0 && seconds <= Self.maximumSeconds, "TTL \(seconds)s outside 1s-365d")
        self.seconds = seconds
    }

    package var milliseconds: Int64 { seconds * 1000 }

    /// Canonical form: the largest units first, e.g. `1d4h`, `30m`, `90s` is `1m30s`.
    package var description: String {
        var rest = seconds
        var text = ""
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    package static func parse(_ value: RuleFieldValue) throws(RuleFieldError) -> RuleTimeToLive {
        let shown = value.description
        let seconds: Int64
        switch value {
        case .integer(let number):
            seconds = number
        case .real(let number):
            // Whole numbers only; the range check comes first so the conversion cannot trap.
            guard number > -1e15, number < 1e15, Double(Int64(number)) == number else {
                throw .notADuration(shown)
            }
            seconds = Int64(number)
        case .text(let text):
            guard let parsed = parseText(text) else { throw .notADuration(shown) }
            seconds = parsed
        }
        guard seconds > 0 else { throw .durationNotPositive(shown) }
        guard seconds <= maximumSeconds else { throw .durationTooLong(shown, limit: "365d") }
        return RuleTimeToLive(seconds: seconds)
    }

    /// Returns nil for anything that is not digits followed by a unit, repeated; totals saturate
    /// above the maximum so that huge inputs report "longer than" instead of overflowing.
    private static func parseText(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy(isDigit) { return saturatingDecimal(bytes[...]) }
        var total: Int64 = 0
        var index = 0
        while index < bytes.count {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start, index < bytes.count else { return nil }
            let unit: Int64
            switch bytes[index] | 0x20 {
            case UInt8(ascii: "s"): unit = 1
            case UInt8(ascii: "m"): unit = 60
            case UInt8(ascii: "h"): unit = 3600
            case UInt8(ascii: "d"): unit = 86_400
            default: return nil
            }
            total = min(total + saturatingDecimal(bytes[start..<index]) * unit, cap)
            index += 1
        }
        return total
    }

    private static let cap = maximumSeconds + 1

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func saturatingDecimal(_ digits: ArraySlice<UInt8>) -> Int64 {
        var value: Int64 = 0
        for byte in digits { value = min(value * 10 + Int64(byte - UInt8(ascii: "0")), cap) }
        return value
    }
}
