/// A rule as the user typed it, before validation: every field optional and in whatever case or
/// spelling the user chose. Absent match fields mean ANY; `action` is required.
package struct RuleSpec: Sendable, Hashable, Codable {
    package var src: String?
    package var dst: String?
    package var sport: RuleFieldValue?
    package var dport: RuleFieldValue?
    package var proto: String?
    package var action: String?
    package var comment: String?
    /// Seconds as a number, or a duration string such as `"4h"` or `"1h30m"`.
    package var ttl: RuleFieldValue?

    package init(
        src: String? = nil, dst: String? = nil, sport: RuleFieldValue? = nil, dport: RuleFieldValue? = nil,
        proto: String? = nil, action: String? = nil, comment: String? = nil, ttl: RuleFieldValue? = nil
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

    /// The spec that reproduces `rule`'s match and comment (used by exporters and round trips).
    package init(_ rule: FirewallRule) {
        self.init(
            src: rule.source.description, dst: rule.destination.description,
            sport: .text(rule.sourcePort.description), dport: .text(rule.destinationPort.description),
            proto: rule.proto.rawValue, action: rule.action.rawValue, comment: rule.comment)
    }
}
