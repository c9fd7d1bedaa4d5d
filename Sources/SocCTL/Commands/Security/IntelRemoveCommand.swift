import SocProtocol

/// `socctl intel rm ID`.
enum IntelRemoveCommand {
    static let spec = CommandSpec(
        name: "rm", abstract: "Delete an indicator.", examples: [UsageExample("Indicator 4:", "socctl intel rm 4")],
        arguments: [.required("ID", help: "The indicator's id, as intel list shows it.")]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IntelDeleteRequest.self, .init(id: id))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine("deleted indicator \(id): \(reply.result.type) \(reply.result.value)")
        }
        return .success
    }
}
