/// `socctl report`: incident reports and the shift report, as markdown.
enum ReportCommand {
    static let spec = CommandSpec(
        name: "report", abstract: "Write an incident report or a shift report (markdown).",
        examples: [
            UsageExample("Incident 1 to a file:", "socctl report incident 1 > incident-1.md"),
            UsageExample("What happened since tick 3000:", "socctl report summary --since 3000"),
        ],
        subcommands: [ReportIncidentCommand.spec, ReportSummaryCommand.spec])
}
