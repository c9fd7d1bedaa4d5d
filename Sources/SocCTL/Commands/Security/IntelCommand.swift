import SocProtocol

/// `socctl intel`: threat-intelligence indicators the SIEM matches every event against.
enum IntelCommand {
    static let spec = CommandSpec(
        name: "intel", abstract: "Manage threat-intelligence indicators.",
        discussion: """
            Indicators are addresses, networks, domains (matching their subdomains too), URLs and \
            SHA-256 hashes. An event that matches one of sufficient confidence raises a \
            threat-intel-match alert. Without a subcommand, intel lists them.
            """,
        examples: [
            UsageExample("Flag a network:", "socctl intel add 198.51.100.0/24 --source partner --confidence 80"),
            UsageExample("Load a STIX bundle:", "socctl intel import feed.json"),
            UsageExample("Is this known?", "socctl intel check www.evil.example"),
        ],
        options: IntelListCommand.options,
        subcommands: [
            IntelAddCommand.spec, IntelListCommand.spec, IntelRemoveCommand.spec, IntelImportCommand.spec,
            IntelCheckCommand.spec,
        ],
        run: IntelListCommand.run)
}
