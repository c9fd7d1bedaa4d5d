import SocProtocol

/// `socctl alerts`: the SIEM's alerts, newest first; `socctl alerts ack ID` acknowledges one.
enum AlertsCommand {
    static let spec = CommandSpec(
        name: "alerts", abstract: "List the SIEM's alerts, newest first.",
        discussion: """
            Repeats of one detection for one source within the fold window count into one alert \
            (HITS) instead of a flood of them. SEEN is the tick range of the activity.
            """,
        examples: [
            UsageExample("Everything new of high severity or worse:", "socctl alerts --severity high --status new"),
            UsageExample("Acknowledge alert 3:", "socctl alerts ack 3"),
        ],
        options: [
            .option(
                "severity", short: "s", valueName: "SEVERITY", help: "At least this severity.",
                completion: .words(SecurityText.severities)),
            .option(
                "status", valueName: "STATUS", help: "new or acknowledged.",
                completion: .words(["new", "acknowledged"])),
            .option("since", valueName: "TICK", help: "Only alerts active at or after this tick."),
            .option("limit", short: "n", valueName: "N", help: "At most N alerts (default 100)."),
        ],
        subcommands: [AlertsAckCommand.spec]
    ) { parsed, context in
        let params = AlertsListRequest.Params(
            since: try parsed.int("since"), severity: parsed.string("severity"), status: parsed.string("status"),
            limit: try parsed.int("limit"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(AlertsListRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(
                AlertsTable.render(reply.result.alerts, style: context.style, width: context.terminal.tableWidth))
        }
        return .success
    }
}
