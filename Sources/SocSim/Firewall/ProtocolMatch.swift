/// The transport protocol a rule applies to. Canonical spelling is lower case.
package enum ProtocolMatch: String, Sendable, Hashable, CaseIterable {
    case any, tcp, udp, icmp

    package func contains(_ proto: IPProtocol) -> Bool {
        switch self {
        case .any: true
        case .tcp: proto == .tcp
        case .udp: proto == .udp
        case .icmp: proto == .icmp
        }
    }

    /// Parses `any`/`*`, `tcp`, `udp`, `icmp` in any case.
    package static func parse(_ text: String) throws(RuleFieldError) -> ProtocolMatch {
        if RuleWildcard.matches(text) { return .any }
        guard let proto = ProtocolMatch(rawValue: text.lowercased()) else { throw .unknownProtocol(text) }
        return proto
    }
}

extension ProtocolMatch: CustomStringConvertible {
    package var description: String { rawValue }
}

extension ProtocolMatch: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            self = try ProtocolMatch.parse(try container.decode(String.self))
        } catch let error as RuleFieldError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
