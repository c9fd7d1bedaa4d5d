import SocProtocol

/// `socctl rules mv ID POSITION`.
enum RulesMoveCommand {
    static let spec = CommandSpec(
        name: "mv", abstract: "Move a rule to another position.",
        discussion: "The rules in between shift by one. Position 1 is evaluated first.",
        examples: [UsageExample("Evaluate rule 7 first:", "socctl rules mv 7 1")],
        arguments: [
            .required("ID", help: "The rule's id, as rules list shows it."),
            .required("POSITION", help: "Its new position, from 1."),
        ]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        let position = try parsed.int(argument: "POSITION")!
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(MoveRuleRequest.self, .init(id: id, position: position))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            let rule = reply.result
            context.standardOutput.writeLine(
                "moved rule \(rule.id) to position \(rule.position): \(RulesText.summary(rule, style: context.style))")
        }
        return .success
    }
}
