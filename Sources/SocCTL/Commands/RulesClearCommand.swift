import SocProtocol

/// `socctl rules clear --yes`: delete every rule.
enum RulesClearCommand {
    static let spec = CommandSpec(
        name: "clear", abstract: "Delete every rule (needs --yes).",
        discussion: "The default policy stays as it is. Export the rules first if you may want them back.",
        examples: [
            UsageExample("Start over:", "socctl rules clear --yes"),
            UsageExample(
                "Keep a copy first:", "socctl rules export > rules.json && socctl rules clear --yes"),
        ],
        options: [.flag("yes", short: "y", help: "Confirm that every rule is to be deleted.")]
    ) { parsed, context in
        guard parsed.flag("yes") else {
            throw parsed.usageError("'rules clear' deletes every rule; add --yes to confirm")
        }
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(ClearRulesRequest.self, .init(confirm: true))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine("deleted \(RulesText.count(reply.result.deleted, "rule"))")
        }
        return .success
    }
}
