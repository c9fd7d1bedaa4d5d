import JSONRPC
import SocProtocol

/// `socctl hunt QUERY`: search the SIEM's retained events, or count them by field.
enum HuntCommand {
    static let spec = CommandSpec(
        name: "hunt", abstract: "Hunt the SIEM's retained events with a query.",
        discussion: """
            FIELD=VALUE, FIELD!=VALUE, FIELD<N (<=, >, >=), FIELD in CIDR, FIELD in LO-HI, \
            FIELD contains TEXT, joined with and, or, not and parentheses; source=NAME narrows to \
            one data source (firewall, web.access, auth, dns, dhcp). Fields are ECS names \
            (source.ip, destination.port, event.action, dns.question.name, ...). With --group-by \
            the result is the count of each distinct value, most frequent first.
            """,
        examples: [
            UsageExample(
                "Who is being dropped from the documentation network, by port:",
                "socctl hunt 'source=firewall and event.action=drop and source.ip in 198.51.100.0/24' --group-by destination.port"
            ),
            UsageExample("Top talkers to the web server:", "socctl hunt 'source=web.access' --group-by source.ip -n 5"),
        ],
        options: [
            .option(
                "group-by", short: "g", valueName: "FIELD", help: "Count per value of FIELD (repeatable, or a,b).",
                repeatable: true),
            .option("limit", short: "n", valueName: "N", help: "At most N events or groups (default 100)."),
            .option("order-by", valueName: "FIELD", help: "FIELD [asc|desc], or count with --group-by."),
            .option("since", valueName: "TICK", help: "Only events from this tick on."),
            .option("until", valueName: "TICK", help: "Only events up to this tick."),
        ],
        arguments: [.required("QUERY", help: "The query; quote it.")]
    ) { parsed, context in
        let query = parsed.argument("QUERY")!
        let groupBy = parsed.strings("group-by").flatMap { $0.split(separator: ",").map(String.init) }
        let params = LogsQueryRequest.Params(
            where: query, sinceTick: try parsed.int("since"), untilTick: try parsed.int("until"),
            limit: try parsed.int("limit"), groupBy: groupBy.isEmpty ? nil : groupBy, orderBy: parsed.string("order-by")
        )
        let session = DaemonSession(parsed, context)
        let reply: RulesReply<LogsQueryRequest.Result>
        do {
            reply = try session.connect().callKeepingJSON(LogsQueryRequest.self, params)
        } catch let error as ClientError {
            // The daemon's caret diagnostic points at the offending token; show it as it is.
            if let diagnostic = error.rpcError?.data?["diagnostic"]?.stringValue {
                throw CommandFailure.failure("invalid query: \(diagnostic)")
            }
            throw error
        }
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(
                HuntTable.render(reply.result, style: context.style, width: context.terminal.tableWidth))
        }
        return .success
    }
}
