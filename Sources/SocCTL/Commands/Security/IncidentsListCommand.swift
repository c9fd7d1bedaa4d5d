import SocProtocol

/// `socctl incidents list`.
enum IncidentsListCommand {
    static let options: [OptionSpec] = [
        .option(
            "status", valueName: "STATUS", help: "Only incidents with this status.",
            completion: .words(SecurityText.incidentStatuses)),
        .option(
            "severity", short: "s", valueName: "SEVERITY", help: "At least this severity.",
            completion: .words(SecurityText.severities)),
        .option("assignee", valueName: "NAME", help: "Only incidents assigned to NAME."),
        .flag("open", help: "Only new, investigating or contained incidents."),
        .option("limit", short: "n", valueName: "N", help: "At most N incidents (default 100)."),
        .option("offset", valueName: "N", help: "Skip the first N."),
    ]

    static let spec = CommandSpec(
        name: "list", abstract: "List incidents, newest first.",
        examples: [UsageExample("High and critical incidents still open:", "socctl incidents list --open -s high")],
        options: options, run: run)

    static let run: CommandAction = { parsed, context in
        let params = IncidentsListRequest.Params(
            status: parsed.string("status"), severity: parsed.string("severity"), assignee: parsed.string("assignee"),
            open: parsed.flag("open") ? true : nil, limit: try parsed.int("limit"), offset: try parsed.int("offset"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IncidentsListRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(
                IncidentsTable.render(reply.result, style: context.style, width: context.terminal.tableWidth))
        }
        return .success
    }
}
