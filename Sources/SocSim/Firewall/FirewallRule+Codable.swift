/// The canonical JSON form (DESIGN.md "Firewall rules"): `src`/`dst` as `ANY`, an address or a
/// CIDR; `sport`/`dport` as strings (`"ANY"`, `"80"`, `"1000-2000"`); `proto` lower case;
/// `action` upper case; `expiresAt` left out when the rule does not expire.
extension FirewallRule: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, position, src, dst, sport, dport, proto, action, comment, expiresAt, createdAt, hits
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let source = try container.decodeIfPresent(AddressMatch.self, forKey: .src) ?? .any
        let destination = try container.decodeIfPresent(AddressMatch.self, forKey: .dst) ?? .any
        let sourcePort = try container.decodeIfPresent(PortMatch.self, forKey: .sport) ?? .any
        let destinationPort = try container.decodeIfPresent(PortMatch.self, forKey: .dport) ?? .any
        let proto = try container.decodeIfPresent(ProtocolMatch.self, forKey: .proto) ?? .any
        let key = RuleMatchKey(
            source: source, destination: destination, sourcePort: sourcePort, destinationPort: destinationPort,
            proto: proto, action: try container.decode(RuleAction.self, forKey: .action))
        do {
            try key.checkPortsAgreeWithProtocol()
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .proto, in: container, debugDescription: error.description)
        }
        self.init(
            id: try container.decode(Int64.self, forKey: .id),
            position: try container.decode(Int.self, forKey: .position), action: key.action,
            comment: try container.decodeIfPresent(String.self, forKey: .comment) ?? "",
            expiresAt: try container.decodeIfPresent(Int64.self, forKey: .expiresAt),
            createdAt: try container.decode(Int64.self, forKey: .createdAt),
            hits: try container.decodeIfPresent(UInt64.self, forKey: .hits) ?? 0)
        matchKey = key
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(position, forKey: .position)
        try container.encode(source, forKey: .src)
        try container.encode(destination, forKey: .dst)
        try container.encode(sourcePort, forKey: .sport)
        try container.encode(destinationPort, forKey: .dport)
        try container.encode(proto, forKey: .proto)
        try container.encode(action, forKey: .action)
        try container.encode(comment, forKey: .comment)
        try container.encodeIfPresent(expiresAt, forKey: .expiresAt)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(hits, forKey: .hits)
    }
}
