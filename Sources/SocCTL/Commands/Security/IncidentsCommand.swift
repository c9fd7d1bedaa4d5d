import SocProtocol

/// `socctl incidents`: the cases the SOC works, opened by the SIEM or by hand.
enum IncidentsCommand {
    static let spec = CommandSpec(
        name: "incidents", abstract: "List, open and work incidents.",
        discussion: """
            The SIEM opens an incident for each detection and source whose alerts are serious \
            enough; blocking the source moves it to contained once the activity has stopped for \
            the policy's window. Status moves follow new → investigating → contained → resolved \
            (or falsePositive, duplicate); a closed incident moves again only with --reopen. \
            Without a subcommand, incidents lists them.
            """,
        examples: [
            UsageExample("The open incidents:", "socctl incidents list --open"),
            UsageExample("Block the source of incident 1:", "socctl incidents contain 1"),
            UsageExample("Close it with a note:", "socctl incidents status 1 resolved --note 'attacker blocked'"),
        ],
        options: IncidentsListCommand.options,
        subcommands: [
            IncidentsListCommand.spec, IncidentsShowCommand.spec, IncidentsCreateCommand.spec,
            IncidentsNoteCommand.spec, IncidentsStatusCommand.spec, IncidentsContainCommand.spec,
        ],
        run: IncidentsListCommand.run)
}
