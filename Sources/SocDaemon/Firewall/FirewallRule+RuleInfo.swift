import SocPOSIX
import SocProtocol
import SocSim

extension FirewallRule {
    /// The rule as the API shows it.
    package var info: RuleInfo {
        RuleInfo(
            id: Int(id), position: position, src: source.description, dst: destination.description,
            sport: sourcePort.scalar, dport: destinationPort.scalar, proto: proto.rawValue, action: action.rawValue,
            comment: comment, expiresAt: expiresAt.map { ISO8601.format(milliseconds: $0) },
            createdAt: ISO8601.format(milliseconds: createdAt), hits: Int(clamping: hits))
    }
}

extension PortMatch {
    /// A single port as a number, as users write it; ANY and ranges as text.
    var scalar: ScalarInput {
        if let port = singlePort { return .number(Int(port)) }
        return .text(description)
    }
}

extension ScalarInput {
    /// The value as the rule parser takes it.
    var ruleFieldValue: RuleFieldValue {
        switch self {
        case .number(let number): .integer(Int64(number))
        case .text(let text): .text(text)
        }
    }
}

extension RuleSpec {
    /// The spec of a rule given through the API.
    init(_ input: RuleInput) {
        self.init(
            src: input.src, dst: input.dst, sport: input.sport?.ruleFieldValue, dport: input.dport?.ruleFieldValue,
            proto: input.proto, action: input.action, comment: input.comment, ttl: input.ttl?.ruleFieldValue)
    }
}
