import SocPOSIX
import SocProtocol

/// `socctl rules list`: the rule table, filtered and paged by the daemon.
enum RulesListCommand {
    static let spec = CommandSpec(
        name: "list", abstract: "List the rules in evaluation order.",
        discussion: """
            # is the position (the first matching rule decides); ID is what rm, mv, show and \
            update take. EXPIRES counts down to when a rule with a lifetime is removed. The \
            daemon returns at most 1000 rules unless --limit says otherwise; the footer says \
            when there are more.
            """,
        examples: [
            UsageExample("Every rule:", "socctl rules list"),
            UsageExample("Rules about the web server's port 80:", "socctl rules list --dst 10.0.0.10 --port 80"),
            UsageExample(
                "The second page of 100 DROP rules:", "socctl rules list --action DROP --limit 100 --offset 100"),
        ],
        options: [
            .option("src", valueName: "ADDRESS", help: "Rules whose source is this network or contains this address."),
            .option(
                "dst", valueName: "ADDRESS", help: "Rules whose destination is this network or contains this address."),
            .option("port", valueName: "PORT", help: "Rules whose source or destination ports include PORT."),
            .option(
                "action", valueName: "ACTION", help: "Rules with this action.", completion: .words(RulesOptions.actions)
            ),
            .option("comment", valueName: "TEXT", help: "Rules whose comment contains TEXT (case-insensitive)."),
            .option("limit", short: "n", valueName: "N", help: "At most N rules (1-10000; default 1000)."),
            .option("offset", valueName: "N", help: "Skip the first N matching rules."),
        ]
    ) { parsed, context in
        let offset = try parsed.int("offset")
        let params = ListRulesRequest.Params(
            src: parsed.string("src"), dst: parsed.string("dst"), port: try parsed.int("port"),
            action: parsed.string("action"), comment: parsed.string("comment"), offset: offset,
            limit: try parsed.int("limit"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(ListRulesRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(
                RulesTable.render(
                    reply.result, offset: offset ?? 0, style: context.style, width: context.terminal.tableWidth,
                    now: WallClock.nowMilliseconds))
        }
        return .success
    }
}
