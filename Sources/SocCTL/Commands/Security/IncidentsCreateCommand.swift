import SocProtocol

/// `socctl incidents create --title T`.
enum IncidentsCreateCommand {
    static let spec = CommandSpec(
        name: "create", abstract: "Open an incident by hand.",
        examples: [
            UsageExample(
                "A report from a user:", "socctl incidents create --title 'Phishing mail to accounts' --severity high")
        ],
        options: [
            .option("title", short: "t", valueName: "TITLE", help: "What it is about (required)."),
            .option(
                "severity", short: "s", valueName: "SEVERITY", help: "low, medium (default), high or critical.",
                completion: .words(SecurityText.severities)),
            .option("description", short: "d", valueName: "TEXT", help: "More detail."),
            .option("assignee", valueName: "NAME", help: "Who works it."),
            .option("tag", valueName: "TAG", help: "A label (repeatable).", repeatable: true),
        ]
    ) { parsed, context in
        let params = IncidentsCreateRequest.Params(
            title: try parsed.requiredString("title"), description: parsed.string("description"),
            severity: parsed.string("severity"), assignee: parsed.string("assignee"),
            tags: parsed.strings("tag").isEmpty ? nil : parsed.strings("tag"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IncidentsCreateRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine("opened incident \(reply.result.id): \(reply.result.title)")
        }
        return .success
    }
}
