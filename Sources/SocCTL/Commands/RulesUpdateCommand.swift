import SocPOSIX
import SocProtocol

/// `socctl rules update ID`: change some fields of a rule, keeping its id and position.
enum RulesUpdateCommand {
    static let fields = ["src", "dst", "sport", "dport", "proto", "action", "comment", "ttl"]

    static let spec = CommandSpec(
        name: "update", abstract: "Change fields of a rule; it keeps its id and position.",
        discussion:
            "Fields not given keep their values. --ttl sets a new lifetime from now; --ttl 0 makes the rule permanent.",
        examples: [
            UsageExample("Keep rule 3 for another 4 hours:", "socctl rules update 3 --ttl 4h"),
            UsageExample(
                "Turn rule 2 into a REJECT and say why:", "socctl rules update 2 --action reject --comment 'scanner'"),
        ],
        options: [
            RulesOptions.src, RulesOptions.dst, RulesOptions.sport, RulesOptions.dport, RulesOptions.proto,
            RulesOptions.action, RulesOptions.comment,
            .option(
                "ttl", valueName: "DURATION", help: "A new lifetime from now (30m, 4h, seconds); 0 makes it permanent."),
        ],
        arguments: [.required("ID", help: "The rule's id, as rules list shows it.")]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        guard fields.contains(where: { parsed.string($0) != nil }) else {
            throw parsed.usageError(
                "nothing to change: give at least one of \(fields.map { "--" + $0 }.joined(separator: ", "))")
        }
        let params = UpdateRuleRequest.Params(
            id: id, src: parsed.string("src"), dst: parsed.string("dst"), sport: RulesOptions.scalar(parsed, "sport"),
            dport: RulesOptions.scalar(parsed, "dport"), proto: parsed.string("proto"), action: parsed.string("action"),
            comment: parsed.string("comment"), ttl: RulesOptions.scalar(parsed, "ttl"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(UpdateRuleRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            let rule = reply.result
            let expiry = RulesText.expiryPhrase(rule.expiresAt, now: WallClock.nowMilliseconds)
            context.standardOutput.writeLine(
                "updated rule \(rule.id) at position \(rule.position): \(RulesText.summary(rule, style: context.style)) (\(expiry))"
            )
        }
        return .success
    }
}
