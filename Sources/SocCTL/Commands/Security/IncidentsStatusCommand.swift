import SocProtocol

/// `socctl incidents status N STATUS`: move an incident along its workflow.
enum IncidentsStatusCommand {
    static let spec = CommandSpec(
        name: "status", abstract: "Move an incident to another status.",
        examples: [
            UsageExample("Take it on:", "socctl incidents status 1 investigating"),
            UsageExample("Open a resolved one again:", "socctl incidents status 1 investigating --reopen"),
        ],
        options: [
            .option("note", valueName: "TEXT", help: "Why; kept with the move."),
            .flag("reopen", help: "Reopen a closed incident first."),
        ],
        arguments: [
            .required("ID", help: "The incident's id."),
            .required("STATUS", help: "The status to move to.", completion: .words(SecurityText.incidentStatuses)),
        ]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        let status = parsed.argument("STATUS")!
        let params = IncidentsUpdateRequest.Params(
            id: id, status: status, reopen: parsed.flag("reopen") ? true : nil, note: parsed.string("note"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IncidentsUpdateRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine("incident \(id) is \(reply.result.status)")
        }
        return .success
    }
}
