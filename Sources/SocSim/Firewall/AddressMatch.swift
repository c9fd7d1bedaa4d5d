/// The source or destination side of a rule: any address, or one IPv4 network (a single
/// address is a /32 network).
package enum AddressMatch: Sendable, Hashable {
    case any
    case network(IPv4CIDR)

    /// A single host, the /32 network of `address`.
    package static func host(_ address: IPv4Address) -> AddressMatch {
        .network(IPv4CIDR(network: address, prefixLength: 32))
    }

    package func contains(_ address: IPv4Address) -> Bool {
        switch self {
        case .any: true
        case .network(let cidr): cidr.contains(address)
        }
    }

    /// The network's prefix length; `.any` is a /0.
    package var prefixLength: Int {
        switch self {
        case .any: 0
        case .network(let cidr): cidr.prefixLength
        }
    }

    /// Parses `ANY`/`any`/`*`, a dotted-quad address or `a.b.c.d/n`. A /0 network is the same
    /// as `ANY` and is returned as `.any` so that both spellings make identical rules.
    /// - Parameter field: the field name to put in the error (`src` or `dst`).
    package static func parse(_ text: String, field: String) throws(RuleFieldError) -> AddressMatch {
        if RuleWildcard.matches(text) { return .any }
        guard let cidr = IPv4CIDR(text) else { throw .notAnAddress(field, text) }
        return cidr.prefixLength == 0 ? .any : .network(cidr)
    }
}

extension AddressMatch: CustomStringConvertible {
    /// Canonical form: `ANY`, `10.0.0.7` for a host, `10.0.0.0/24` for a network.
    package var description: String {
        switch self {
        case .any: "ANY"
        case .network(let cidr) where cidr.prefixLength == 32: cidr.network.description
        case .network(let cidr): cidr.description
        }
    }
}

extension AddressMatch: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try AddressMatch.parse(text, field: decoder.codingPath.last?.stringValue ?? "address")
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
