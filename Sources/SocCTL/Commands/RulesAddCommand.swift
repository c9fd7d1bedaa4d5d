import SocPOSIX
import SocProtocol

/// `socctl rules add`: one rule, from options or from the room's positional form.
enum RulesAddCommand {
    static let spec = CommandSpec(
        name: "add", abstract: "Add a firewall rule.",
        discussion: """
            The fields can be given as options, or as arguments in the order of the room's table \
            (SRC DST SPORT DPORT ACTION), but not the same field both ways. Fields left out match \
            anything. Adding a rule identical to an existing one (same match and action) extends \
            that rule's lifetime instead of adding a copy. Rules are evaluated in order and the \
            first match decides; a new rule goes last unless --position says otherwise.
            """,
        examples: [
            UsageExample(
                "Drop the attacker's web traffic, as in the room:",
                "socctl rules add 198.51.100.7 10.0.0.10 ANY 80 DROP"),
            UsageExample(
                "The same with options, for an hour:",
                "socctl rules add --src 198.51.100.7 --dst 10.0.0.10 --dport 80 --action drop --ttl 1h"),
            UsageExample(
                "Let a partner's network reach SSH, evaluated first:",
                "socctl rules add --src 203.0.113.0/24 --dport 22 --proto tcp --action accept --position 1 --comment partner"
            ),
        ],
        options: [
            RulesOptions.src, RulesOptions.dst, RulesOptions.sport, RulesOptions.dport, RulesOptions.proto,
            RulesOptions.action, RulesOptions.ttl, RulesOptions.comment,
            .option("position", valueName: "N", help: "Insert it at position N (1 is evaluated first)."),
        ],
        arguments: [
            .optional("SRC", help: "As --src."), .optional("DST", help: "As --dst."),
            .optional("SPORT", help: "As --sport."), .optional("DPORT", help: "As --dport."),
            .optional("ACTION", help: "As --action.", completion: .words(RulesOptions.actions)),
        ]
    ) { parsed, context in
        let params = try AddRuleRequest.Params(try rule(parsed), position: parsed.int("position"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(AddRuleRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine(
                describe(reply.result, style: context.style, now: WallClock.nowMilliseconds))
        }
        return .success
    }

    /// The rule the command line describes; each field comes from its argument or its option.
    static func rule(_ parsed: ParsedCommand) throws(UsageError) -> RuleInput {
        var fields: [String: String] = [:]
        for field in RulesOptions.tableFields {
            fields[field] = try parsed.either(
                argument: parsed.argument(field.uppercased()), option: parsed.string(field), field: field)
        }
        guard let action = fields["action"] else {
            throw parsed.usageError(
                "missing the action: give --action ACCEPT|DROP|REJECT, or ACTION as the fifth argument")
        }
        return RuleInput(
            src: fields["src"], dst: fields["dst"], sport: fields["sport"].map(RulesOptions.scalar),
            dport: fields["dport"].map(RulesOptions.scalar), proto: parsed.string("proto"), action: action,
            comment: parsed.string("comment"), ttl: RulesOptions.scalar(parsed, "ttl"))
    }

    /// `added rule 3 at position 3: 198.51.100.7 → 10.0.0.10 dport 80 DROP`, with the expiry in
    /// parentheses for a rule with a lifetime; `extended rule 3 (expires in 1h)` when the rule
    /// was there already.
    static func describe(_ result: AddRuleRequest.Result, style: Style, now: Int64) -> String {
        let rule = result.rule
        let expiry = rule.expiresAt.map { _ in RulesText.expiryPhrase(rule.expiresAt, now: now) }
        if result.outcome == "extended" {
            return "extended rule \(rule.id) (\(RulesText.expiryPhrase(rule.expiresAt, now: now)))"
        }
        let text = "added rule \(rule.id) at position \(rule.position): \(RulesText.summary(rule, style: style))"
        return expiry.map { text + " (\($0))" } ?? text
    }
}
