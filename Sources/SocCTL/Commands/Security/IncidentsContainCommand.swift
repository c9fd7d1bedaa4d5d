import SocProtocol

/// `socctl incidents contain N`: block the incident's source at the firewall.
enum IncidentsContainCommand {
    static let spec = CommandSpec(
        name: "contain", abstract: "Block an incident's source address with a DROP rule, linked to it.",
        discussion: """
            The incident moves to contained by itself once its source has been quiet for the \
            containment window.
            """,
        examples: [UsageExample("Incident 1:", "socctl incidents contain 1")],
        arguments: [.required("ID", help: "The incident's id.")]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IncidentsContainRequest.self, .init(id: id))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            let rule = reply.result.rule
            context.standardOutput.writeLine(
                "incident \(id): rule \(rule.id) added: \(RulesText.summary(rule))")
        }
        return .success
    }
}
