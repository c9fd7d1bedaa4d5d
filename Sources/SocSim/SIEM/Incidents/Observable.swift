/// A value an incident is about, TheHive style: validated and stored canonically, so observables
/// compare and deduplicate by value.
package struct Observable: Sendable, Hashable, Codable, CustomStringConvertible {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case ip, cidr, domain, mac, url, sha256
    }

    package let kind: Kind
    package let value: String

    /// Validates `value` as `kind`: MACs in `aa:bb:...` form, the rest as indicators are.
    package init(kind: Kind, value: String) throws(IncidentError) {
        let canonical: String?
        switch kind {
        case .mac: canonical = MACAddress(value)?.description
        case .ip: canonical = IndicatorValue.canonical(value, as: .ip)
        case .cidr: canonical = IndicatorValue.canonical(value, as: .cidr)
        case .domain: canonical = IndicatorValue.canonical(value, as: .domain)
        case .url: canonical = IndicatorValue.canonical(value, as: .url)
        case .sha256: canonical = IndicatorValue.canonical(value, as: .sha256)
        }
        guard let canonical else { throw .invalidField("observable", "'\(value)' is not a valid \(kind.rawValue)") }
        self.kind = kind
        self.value = canonical
    }

    package static func address(_ address: IPv4Address) -> Observable {
        try! Observable(kind: .ip, value: address.description)
    }

    package static func mac(_ mac: MACAddress) -> Observable {
        try! Observable(kind: .mac, value: mac.description)
    }

    package var description: String { "\(kind.rawValue):\(value)" }

    private enum CodingKeys: String, CodingKey {
        case kind, value
    }

    /// Decoding validates too: a hand-edited database cannot smuggle in a malformed value.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .kind)
        let value = try container.decode(String.self, forKey: .value)
        do {
            try self.init(kind: kind, value: value)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: error.message)
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(value, forKey: .value)
    }
}
