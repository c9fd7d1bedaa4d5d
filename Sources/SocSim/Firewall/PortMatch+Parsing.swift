extension PortMatch {
    /// Parses a port as the user gave it: a JSON number, or a string holding `ANY`/`*`, a port
    /// (`"80"`) or an inclusive range (`"1000-2000"`).
    /// - Parameter field: the field name to put in the error (`sport` or `dport`).
    package static func parse(_ value: RuleFieldValue, field: String) throws(RuleFieldError) -> PortMatch {
        switch value {
        case .integer(let number):
            guard (0...65535).contains(number) else { throw .portOutOfRange(field, "\(number)") }
            return .port(UInt16(number))
        case .real(let number):
            throw .notAPort(field, RuleFieldValue.real(number).description)
        case .text(let text):
            return try parse(text, field: field)
        }
    }

    /// Parses the string forms: `ANY`/`*`, `80`, `1000-2000`; also `1000:2000` as iptables
    /// writes ranges.
    package static func parse(_ text: String, field: String) throws(RuleFieldError) -> PortMatch {
        if RuleWildcard.matches(text) { return .any }
        let shown = RuleFieldError.quoted(text)
        let separator = text.firstIndex { $0 == "-" || $0 == ":" }
        let loText = separator.map { text[..<$0] } ?? text[...]
        let hiText = separator.map { text[text.index(after: $0)...] } ?? text[...]
        guard let lo = decimal(loText), let hi = decimal(hiText) else { throw .notAPort(field, shown) }
        guard lo <= 65535, hi <= 65535 else { throw .portOutOfRange(field, shown) }
        guard lo <= hi else { throw .emptyPortRange(field, shown) }
        return .range(UInt16(lo), UInt16(hi))
    }

    /// Plain ASCII digits only (no sign, no spaces), saturating so that huge inputs still read
    /// as "outside 0-65535" rather than as garbage.
    private static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
        }
        return value
    }
}
