import JSONRPC
import SocProtocol
import SocSim

/// Turns the rule fields of API params into the firewall's model, with the field-naming errors
/// `-32602` carries (`dport: 70000 is outside 0-65535`).
enum RuleInputParser {
    static func draft(_ input: RuleInput, now: Int64, fieldPrefix: String = "") throws -> RuleDraft {
        try translating(prefix: fieldPrefix) { () throws(RuleFieldError) in try RuleSpec(input).validated(now: now) }
    }

    static func action(_ text: String, field: String) throws -> RuleAction {
        do {
            return try RuleAction.parse(text)
        } catch {
            throw RPCError.invalidParams(field: field, error.message)
        }
    }

    /// A rule with some fields replaced. `ttl` 0 makes it permanent; no `ttl` keeps its expiry.
    static func updated(_ rule: FirewallRule, with params: UpdateRuleRequest.Params, now: Int64) throws -> FirewallRule
    {
        var spec = RuleSpec(rule)
        if let value = params.src { spec.src = value }
        if let value = params.dst { spec.dst = value }
        if let value = params.sport { spec.sport = value.ruleFieldValue }
        if let value = params.dport { spec.dport = value.ruleFieldValue }
        if let value = params.proto { spec.proto = value }
        if let value = params.action { spec.action = value }
        if let value = params.comment { spec.comment = value }
        let permanent = params.ttl.map { $0 == .number(0) || $0 == .text("0") } ?? false
        spec.ttl = permanent ? nil : params.ttl?.ruleFieldValue
        let draft = try translating(prefix: "") { () throws(RuleFieldError) in try spec.validated(now: now) }
        var updated = rule
        updated.matchKey = draft.match
        updated.comment = draft.comment
        if permanent {
            updated.expiresAt = nil
        } else if params.ttl != nil {
            updated.expiresAt = draft.expiresAt
        }
        return updated
    }

    static func filter(_ params: ListRulesRequest.Params) throws -> RuleFilter {
        try translating(prefix: "") { () throws(RuleFieldError) in
            var filter = RuleFilter(commentText: params.comment)
            if let text = params.src { filter.source = try AddressFilter.parse(text, field: "src") }
            if let text = params.dst { filter.destination = try AddressFilter.parse(text, field: "dst") }
            if let port = params.port {
                guard let value = UInt16(exactly: port) else { throw .portOutOfRange("port", String(port)) }
                filter.port = value
            }
            if let text = params.action { filter.action = try RuleAction.parse(text) }
            return filter
        }
    }

    static func criteria(_ params: DeleteRulesRequest.Params) throws -> RuleCriteria {
        try translating(prefix: "") { () throws(RuleFieldError) in
            var criteria = RuleCriteria()
            if let text = params.src { criteria.source = try AddressMatch.parse(text, field: "src") }
            if let text = params.dst { criteria.destination = try AddressMatch.parse(text, field: "dst") }
            if let value = params.sport {
                criteria.sourcePort = try PortMatch.parse(value.ruleFieldValue, field: "sport")
            }
            if let value = params.dport {
                criteria.destinationPort = try PortMatch.parse(value.ruleFieldValue, field: "dport")
            }
            if let text = params.proto { criteria.proto = try ProtocolMatch.parse(text) }
            if let text = params.action { criteria.action = try RuleAction.parse(text) }
            return criteria
        }
    }

    /// The packet `rules.check` asks about: concrete addresses and ports, a concrete protocol.
    static func packet(_ params: CheckRuleRequest.Params) throws -> FiveTuple {
        func address(_ text: String, _ field: String) throws -> IPv4Address {
            guard let address = IPv4Address(text) else {
                throw RPCError.invalidParams(field: field, "\(RuleFieldError.quoted(text)) is not an IPv4 address")
            }
            return address
        }
        func port(_ value: Int?, _ field: String, default fallback: UInt16) throws -> UInt16 {
            guard let value else { return fallback }
            guard let port = UInt16(exactly: value) else {
                throw RPCError.invalidParams(field: field, "\(value) is outside 0-65535")
            }
            return port
        }
        let proto: IPProtocol
        if let text = params.proto {
            guard let parsed = IPProtocol(rawValue: text.lowercased()) else {
                throw RPCError.invalidParams(
                    field: "proto", "\(RuleFieldError.quoted(text)) is not one of tcp, udp, icmp")
            }
            proto = parsed
        } else {
            proto = .tcp
        }
        return FiveTuple(
            source: try address(params.src, "src"), destination: try address(params.dst, "dst"),
            sourcePort: try port(params.sport, "sport", default: 40000),
            destinationPort: try port(params.dport, "dport", default: 80), proto: proto)
    }

    /// Runs `body`, turning a rule field error into invalid params naming the field.
    private static func translating<T>(prefix: String, _ body: () throws(RuleFieldError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw RPCError.invalidParams(field: prefix + error.field, error.message)
        }
    }
}
