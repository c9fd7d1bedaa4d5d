import SocProtocol

/// `socctl incidents note N TEXT`.
enum IncidentsNoteCommand {
    static let spec = CommandSpec(
        name: "note", abstract: "Add a note to an incident's timeline.",
        examples: [UsageExample("Record a finding:", "socctl incidents note 1 'source is a known botnet node'")],
        arguments: [
            .required("ID", help: "The incident's id."), .variadic("TEXT", help: "The note; words are joined."),
        ]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        let text = parsed.arguments("TEXT").joined(separator: " ")
        guard !text.isEmpty else { throw parsed.usageError("give the note's TEXT") }
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IncidentsNoteRequest.self, .init(id: id, text: text))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine("noted on incident \(id)")
        }
        return .success
    }
}
