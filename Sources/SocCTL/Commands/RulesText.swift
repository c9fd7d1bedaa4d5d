import SocPOSIX
import SocProtocol

/// How the rules commands write rules and their parts for people.
package enum RulesText {
    /// What a rule matches, the way the room reads a table row:
    /// `198.51.100.7 → 10.0.0.10 tcp sport 1000-2000 dport 80`. Wildcard ports and protocol
    /// are left out.
    package static func match(_ rule: RuleInfo) -> String {
        var text = "\(rule.src) → \(rule.dst)"
        if rule.proto != "any" { text += " " + rule.proto }
        if rule.sport.description != "ANY" { text += " sport \(rule.sport)" }
        if rule.dport.description != "ANY" { text += " dport \(rule.dport)" }
        return text
    }

    /// What a rule matches and what it does: `198.51.100.7 → 10.0.0.10 dport 80 DROP`.
    package static func summary(_ rule: RuleInfo, style: Style = .plain) -> String {
        match(rule) + " " + action(rule.action, style: style)
    }

    /// An action or verdict, red when it stops a packet and green when it lets it through.
    package static func action(_ action: String, style: Style) -> String {
        switch action {
        case "DROP", "REJECT": style.red(action)
        case "ACCEPT": style.green(action)
        default: action
        }
    }

    /// When a rule expires, relative to `now` (milliseconds since the epoch): `in 59m`; `-`
    /// for a permanent rule; `expired` for one the daemon has not purged yet.
    ///
    /// The offset is rounded to the second first, so that a rule added a few milliseconds ago
    /// with `--ttl 1h` shows `in 1h` and not `in 59m`.
    package static func expiry(_ expiresAt: String?, now: Int64) -> String {
        guard let expiresAt else { return "-" }
        guard let when = ISO8601.parse(expiresAt) else { return expiresAt }
        let seconds = (when - now + 500).quotientAndRemainder(dividingBy: 1000).quotient
        guard seconds > 0 else { return "expired" }
        return HumanFormat.relative(.seconds(seconds))
    }

    /// The expiry as a phrase: `expires in 1h`, `expired`, `permanent`.
    package static func expiryPhrase(_ expiresAt: String?, now: Int64) -> String {
        switch expiry(expiresAt, now: now) {
        case "-": "permanent"
        case "expired": "expired"
        case let relative: "expires " + relative
        }
    }

    /// `1 rule`, `2,345 rules`.
    package static func count(_ count: Int, _ noun: String) -> String {
        "\(HumanFormat.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// A comment on one line: line breaks and tabs would tear a table row apart.
    package static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
