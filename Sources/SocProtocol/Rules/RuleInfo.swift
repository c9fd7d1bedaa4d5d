import JSONRPC

/// A firewall rule as the API shows it: canonical, whatever form it was given in.
///
/// Addresses are `ANY`, an address or a CIDR (`198.51.100.0/24`); ports are `ANY`, a number,
/// or a range `"1000-2000"`; `proto` is `any`, `tcp`, `udp` or `icmp`; `action` is `ACCEPT`,
/// `DROP` or `REJECT`. Times are ISO 8601 in UTC.
package struct RuleInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var id: Int
    package var position: Int
    package var src: String
    package var dst: String
    package var sport: ScalarInput
    package var dport: ScalarInput
    package var proto: String
    package var action: String
    package var comment: String
    package var expiresAt: String?
    package var createdAt: String
    package var hits: Int

    package init(
        id: Int, position: Int, src: String, dst: String, sport: ScalarInput, dport: ScalarInput, proto: String,
        action: String, comment: String, expiresAt: String?, createdAt: String, hits: Int
    ) {
        self.id = id
        self.position = position
        self.src = src
        self.dst = dst
        self.sport = sport
        self.dport = dport
        self.proto = proto
        self.action = action
        self.comment = comment
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.hits = hits
    }

    package static let fieldDescriptions = [
        "id": "Assigned by socd; stable for the rule's life.",
        "position": "Evaluation order, from 1; the first matching rule decides.",
        "src": "Source: ANY, an IPv4 address or a CIDR.",
        "dst": "Destination: ANY, an IPv4 address or a CIDR.",
        "sport": "Source port: ANY, a port number, or a range \"lo-hi\".",
        "dport": "Destination port: ANY, a port number, or a range \"lo-hi\".",
        "proto": "any, tcp, udp or icmp.",
        "action": "ACCEPT, DROP or REJECT.",
        "comment": "Free text.",
        "expiresAt": "When the rule stops matching and is removed; absent for permanent rules.",
        "createdAt": "When the rule was added.",
        "hits": "Packets this rule has decided.",
    ]
}

/// The fields of a rule as a user gives them; absent fields are `ANY` (and `any` for proto).
/// Case does not matter; `PASS` means `ACCEPT`; `*` means `ANY`.
package struct RuleInput: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var src: String?
    package var dst: String?
    package var sport: ScalarInput?
    package var dport: ScalarInput?
    package var proto: String?
    package var action: String
    package var comment: String?
    /// Seconds, or a duration like "30m", "4h", "1d", "1h30m".
    package var ttl: ScalarInput?

    package init(
        src: String? = nil, dst: String? = nil, sport: ScalarInput? = nil, dport: ScalarInput? = nil,
        proto: String? = nil, action: String, comment: String? = nil, ttl: ScalarInput? = nil
    ) {
        self.src = src
        self.dst = dst
        self.sport = sport
        self.dport = dport
        self.proto = proto
        self.action = action
        self.comment = comment
        self.ttl = ttl
    }

    package static let fieldDescriptions = [
        "src": "Source: ANY (default), an IPv4 address or a CIDR.",
        "dst": "Destination: ANY (default), an IPv4 address or a CIDR.",
        "sport": "Source port: ANY (default), a port, or \"lo-hi\".",
        "dport": "Destination port: ANY (default), a port, or \"lo-hi\".",
        "proto": "any (default), tcp, udp or icmp; ports need tcp, udp or any.",
        "action": "ACCEPT (or PASS), DROP or REJECT.",
        "comment": "Free text kept with the rule.",
        "ttl": "Lifetime: seconds, or \"30m\", \"4h\", \"1d\"; the rule is permanent without it.",
    ]
}
