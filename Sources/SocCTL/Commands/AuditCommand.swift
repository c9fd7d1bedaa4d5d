import JSONRPC
import SocPOSIX
import SocProtocol

/// `socctl audit`: the newest entries of the audit trail as a table.
enum AuditCommand {
    static let spec = CommandSpec(
        name: "audit", abstract: "List the audit trail of state changes, newest first.",
        options: [
            .option("limit", short: "n", valueName: "N", help: "At most N entries (1-1000).", default: "50"),
            .option("method", short: "m", valueName: "METHOD", help: "Only calls of this method."),
            .option(
                "since", valueName: "TIME",
                help: "Only entries at or after this time (ISO 8601, such as 2026-01-31T08:00:00Z)."),
        ]
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let limit = try parsed.int("limit", range: 1...1000)
        // Sent in the daemon's canonical form (UTC, milliseconds), whatever offset was typed.
        let since = try parsed.value("since", expected: "an ISO 8601 time such as 2026-01-31T08:00:00Z") {
            ISO8601.parse($0).map { ISO8601.format(milliseconds: $0) }
        }
        let params = AuditListRequest.Params(since: since, method: parsed.string("method"), limit: limit)
        let page = try session.connect().call(AuditListRequest.self, params)
        if session.wantsJSON {
            session.printCompact(page)
        } else if page.entries.isEmpty {
            context.standardOutput.writeLine("No audit entries.")
        } else {
            context.standardOutput.write(render(page.entries, style: context.style, width: context.terminal.tableWidth))
        }
        return .success
    }

    static func render(_ entries: [AuditEntry], style: Style, width: Int?) -> String {
        let columns = [
            TableColumn("ID", alignment: .right), TableColumn("AT"), TableColumn("UID", alignment: .right),
            TableColumn("PID", alignment: .right), TableColumn("METHOD", flexible: true, minimumWidth: 12),
            TableColumn("OUTCOME"),
        ]
        let rows = entries.map { entry in
            [
                String(entry.id), entry.at, String(entry.uid), String(entry.pid), entry.method,
                outcome(entry.outcome, style: style),
            ]
        }
        return TableRenderer(columns: columns, style: style).render(rows, width: width)
    }

    private static func outcome(_ outcome: String, style: Style) -> String {
        switch outcome {
        case "ok": style.green(outcome)
        case "denied": style.yellow(outcome)
        case "error": style.red(outcome)
        default: outcome
        }
    }
}
