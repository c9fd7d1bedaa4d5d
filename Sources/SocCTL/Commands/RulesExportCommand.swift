import SocProtocol

/// `socctl rules export`: the rule table as JSON, an `nft -f` script or `iptables-restore`
/// input, on standard output exactly as the daemon wrote it.
enum RulesExportCommand {
    static let spec = CommandSpec(
        name: "export", abstract: "Write the rules as JSON, an nft script or iptables-restore input.",
        discussion: """
            The content goes to standard output byte for byte, so that '> FILE' makes a file \
            'rules import' reads back (and 'nft -f' or 'iptables-restore' load). With --json, the \
            whole result (format, count, content) is printed as one line of JSON instead.
            """,
        examples: [
            UsageExample("An nftables script:", "socctl rules export --format nft > socd.nft"),
            UsageExample("A backup to restore later:", "socctl rules export > rules.json"),
        ],
        options: [
            .option(
                "format", short: "f", valueName: "FORMAT",
                help: "\(RulesOptions.formats.joined(separator: ", ")).", default: RuleFormat.json.rawValue,
                completion: .words(RulesOptions.formats))
        ]
    ) { parsed, context in
        let format = try RulesOptions.format(parsed)!
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(ExportRulesRequest.self, .init(format: format))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(reply.result.content)
        }
        return .success
    }
}
