import SocProtocol

/// `socctl report incident N`: the markdown report, or with `--json` the report's data.
enum ReportIncidentCommand {
    static let spec = CommandSpec(
        name: "incident", abstract: "An incident's report: summary, metrics, actions, evidence and timeline.",
        examples: [UsageExample("Incident 1:", "socctl report incident 1 > incident-1.md")],
        arguments: [.required("ID", help: "The incident's id.")]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        let session = DaemonSession(parsed, context)
        let format = session.wantsJSON ? "json" : "markdown"
        let reply = try session.connect().callKeepingJSON(IncidentsReportRequest.self, .init(id: id, format: format))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(reply.result.content ?? "")
        }
        return .success
    }
}
