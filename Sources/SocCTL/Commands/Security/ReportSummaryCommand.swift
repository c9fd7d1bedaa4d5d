import SocProtocol

/// `socctl report summary`: the shift report.
enum ReportSummaryCommand {
    static let spec = CommandSpec(
        name: "summary", abstract: "The shift report: alerts, incidents, MTTD/MTTR, top sources, rules added.",
        examples: [UsageExample("The whole run:", "socctl report summary")],
        options: [.option("since", valueName: "TICK", help: "Only what happened from this tick on.")]
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(
            ReportsSummaryRequest.self, .init(since: try parsed.int("since")))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(reply.result.markdown)
        }
        return .success
    }
}
