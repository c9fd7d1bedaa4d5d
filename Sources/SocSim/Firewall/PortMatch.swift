/// The source or destination port side of a rule: any port, or an inclusive range (a single port
/// is a range of one). Only TCP and UDP carry ports, so a rule with a port range never matches
/// an ICMP packet.
package enum PortMatch: Sendable, Hashable {
    case any
    /// Inclusive bounds, `lo <= hi`.
    case range(UInt16, UInt16)

    /// A range holding exactly `port`.
    package static func port(_ port: UInt16) -> PortMatch { .range(port, port) }

    /// The inclusive bounds this match accepts; `.any` is `0...65535`.
    package var bounds: ClosedRange<UInt16> {
        switch self {
        case .any: 0...UInt16.max
        case .range(let lo, let hi): lo...hi
        }
    }

    /// The port when this match holds exactly one, else nil.
    package var singlePort: UInt16? {
        if case .range(let lo, let hi) = self, lo == hi { return lo }
        return nil
    }

    package func contains(_ port: UInt16) -> Bool {
        switch self {
        case .any: true
        case .range(let lo, let hi): lo <= port && port <= hi
        }
    }
}

extension PortMatch: CustomStringConvertible {
    /// Canonical form: `ANY`, `80`, `1000-2000`.
    package var description: String {
        switch self {
        case .any: "ANY"
        case .range(let lo, let hi) where lo == hi: "\(lo)"
        case .range(let lo, let hi): "\(lo)-\(hi)"
        }
    }
}

extension PortMatch: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let field = decoder.codingPath.last?.stringValue ?? "port"
        let value: RuleFieldValue
        if let number = try? container.decode(Int64.self) {
            value = .integer(number)
        } else {
            value = .text(try container.decode(String.self))
        }
        do {
            self = try PortMatch.parse(value, field: field)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Always a string (`"ANY"`, `"80"`, `"1000-2000"`) so that the field has one JSON type.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
