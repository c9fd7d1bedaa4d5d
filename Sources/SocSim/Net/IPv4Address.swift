/// An IPv4 address, stored as its 32-bit value in host order so that prefix math is plain
/// integer arithmetic.
package struct IPv4Address: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package var value: UInt32

    package init(_ value: UInt32) { self.value = value }

    package init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses dotted-quad notation strictly: four decimal octets 0-255, no leading zeros
    /// (so "010.0.0.1" is refused rather than read as octal or decimal), no spaces.
    package init?(_ text: some StringProtocol) {
        var result: UInt32 = 0
        var octets = 0
        var current: UInt32 = 0
        var digits = 0
        var leadingZero = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if leadingZero { return nil }
                if digits == 0 && byte == UInt8(ascii: "0") { leadingZero = true }
                current = current * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 3 || current > 255 { return nil }
            case UInt8(ascii: "."):
                guard digits > 0, octets < 3 else { return nil }
                result = result << 8 | current
                octets += 1
                current = 0
                digits = 0
                leadingZero = false
            default:
                return nil
            }
        }
        guard digits > 0, octets == 3 else { return nil }
        value = result << 8 | current
    }

    package var octets: (UInt8, UInt8, UInt8, UInt8) {
        (
            UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value)
        )
    }

    package var description: String {
        let o = octets
        return "\(o.0).\(o.1).\(o.2).\(o.3)"
    }

    package static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let address = IPv4Address(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not an IPv4 address")
        }
        self = address
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
