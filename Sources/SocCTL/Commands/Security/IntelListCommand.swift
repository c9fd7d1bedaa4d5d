import SocProtocol

/// `socctl intel list`.
enum IntelListCommand {
    static let options: [OptionSpec] = [
        .option(
            "type", valueName: "TYPE", help: "Only indicators of this type.",
            completion: .words(["ip", "cidr", "domain", "url", "sha256"])),
        .option("limit", short: "n", valueName: "N", help: "At most N (default 1000)."),
    ]

    static let spec = CommandSpec(
        name: "list", abstract: "List the indicators.",
        examples: [UsageExample("Domains:", "socctl intel list --type domain")],
        options: options, run: run)

    static let run: CommandAction = { parsed, context in
        let params = IntelListRequest.Params(type: parsed.string("type"), limit: try parsed.int("limit"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IntelListRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(
                render(reply.result, style: context.style, width: context.terminal.tableWidth))
        }
        return .success
    }

    package static func render(_ page: IntelListRequest.Result, style: Style, width: Int?) -> String {
        let footer = RulesText.count(page.total, "indicator") + "\n"
        guard !page.indicators.isEmpty else { return footer }
        let columns = [
            TableColumn("ID", alignment: .right), TableColumn("TYPE"), TableColumn("VALUE"),
            TableColumn("CONF", alignment: .right), TableColumn("SOURCE"), TableColumn("EXPIRES"),
            TableColumn("TAGS", flexible: true, minimumWidth: 4),
        ]
        let rows = page.indicators.map { indicator in
            [
                String(indicator.id), indicator.type, indicator.value, String(indicator.confidence),
                indicator.source.isEmpty ? "-" : indicator.source, indicator.expiresAt ?? "never",
                indicator.tags.joined(separator: ","),
            ]
        }
        return TableRenderer(columns: columns, style: style).render(rows, width: width) + footer
    }
}
