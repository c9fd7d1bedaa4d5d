/// What happens to a packet a rule matches. `REJECT` drops it and tells the sender (TCP reset or
/// ICMP unreachable); `DROP` drops it silently.
package enum RuleAction: String, Sendable, Hashable, CaseIterable {
    case accept = "ACCEPT"
    case drop = "DROP"
    case reject = "REJECT"

    /// Parses `ACCEPT`, `DROP`, `REJECT` in any case; the room's `PASS` means `ACCEPT`.
    package static func parse(_ text: String) throws(RuleFieldError) -> RuleAction {
        let upper = text.uppercased()
        if upper == "PASS" { return .accept }
        guard let action = RuleAction(rawValue: upper) else { throw .unknownAction(text) }
        return action
    }

    /// Whether the packet goes through.
    package var allowsPacket: Bool { self == .accept }
}

extension RuleAction: CustomStringConvertible {
    package var description: String { rawValue }
}

extension RuleAction: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            self = try RuleAction.parse(try container.decode(String.self))
        } catch let error as RuleFieldError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
