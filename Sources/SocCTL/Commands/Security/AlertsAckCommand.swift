import SocProtocol

/// `socctl alerts ack ID`.
enum AlertsAckCommand {
    static let spec = CommandSpec(
        name: "ack", abstract: "Acknowledge an alert.",
        examples: [UsageExample("Alert 3:", "socctl alerts ack 3")],
        arguments: [.required("ID", help: "The alert's id, as alerts shows it.")]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(AlertsAckRequest.self, .init(id: id))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine("acknowledged alert \(id): \(reply.result.summary)")
        }
        return .success
    }
}
