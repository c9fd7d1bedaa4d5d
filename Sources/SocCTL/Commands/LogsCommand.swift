import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol

/// `socctl logs`: the data sources a SOC reads: firewall, web access, auth, DNS and DHCP logs.
enum LogsCommand {
    static let sourceNames = LogSourceName.allCases.map(\.rawValue)

    static let spec = CommandSpec(
        name: "logs", abstract: "Read the data sources: firewall, web access, auth, DNS and DHCP logs.",
        examples: [
            UsageExample("Who is the firewall letting through to port 80?", "socctl logs tail --source firewall"),
            UsageExample("Follow the DNS queries:", "socctl logs tail --source dns --follow"),
            UsageExample("Records as ECS JSON, for jq:", "socctl logs tail --source web.access --ecs"),
        ],
        subcommands: [sources, tail])

    static let sources = CommandSpec(
        name: "sources", abstract: "List the data sources with their record counts and retention."
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(LogSourcesRequest.self, RPCNoParams())
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(sourcesTable(reply.result.sources, style: context.style))
        }
        return .success
    }

    static let tail = CommandSpec(
        name: "tail", abstract: "Print a data source's newest records as the real program writes them.",
        discussion: """
            Records are printed oldest first in the source's native format (iptables LOG, Apache \
            combined, sshd, dnsmasq, dhcpd); --ecs prints each as one line of Elastic Common \
            Schema JSON instead, and --json the result as socd sends it (with --follow, one \
            record per line). --follow keeps printing new records until Ctrl-C.
            """,
        options: [
            .option(
                "source", valueName: "SOURCE", help: "The data source: \(sourceNames.joined(separator: ", ")).",
                completion: .words(sourceNames)),
            .option(
                "limit", short: "n", valueName: "N",
                help: "At most N records, the newest (1-5000; default 50, or 10 with --follow)."),
            .flag("follow", short: "f", help: "Keep printing new records, until Ctrl-C."),
            .flag("ecs", help: "Print each record's ECS fields as one line of JSON."),
        ]
    ) { parsed, context in
        let name = try parsed.requiredString("source")
        guard let source = LogSourceName(rawValue: name) else {
            throw UsageError.invalidValue(
                name, for: "'--source'", expected: "one of \(sourceNames.joined(separator: ", "))",
                commandPath: parsed.path)
        }
        let follow = parsed.flag("follow")
        let limit = try parsed.int("limit", range: 1...LogsTailRequest.maximumLimit) ?? (follow ? 10 : nil)
        let session = DaemonSession(parsed, context)
        let printer = LogsPrinter(session: session, ecs: parsed.flag("ecs"))
        guard follow else {
            let reply = try session.connect().callKeepingJSON(LogsTailRequest.self, .init(source: source, limit: limit))
            if session.wantsJSON {
                session.printCompact(reply.json)
            } else {
                for record in reply.result.records { printer.print(record) }
                if reply.result.records.isEmpty {
                    // On standard error, so that standard output stays empty for scripts.
                    context.standardError.writeLine("socctl: no \(source.rawValue) records yet")
                }
            }
            return .success
        }
        return try printer.follow(source: source, limit: limit)
    }

    static func sourcesTable(_ sources: [LogSourceInfo], style: Style) -> String {
        let columns = [
            TableColumn("SOURCE"), TableColumn("TITLE"), TableColumn("FORMAT"),
            TableColumn("RETAINED", alignment: .right), TableColumn("WRITTEN", alignment: .right),
            TableColumn("RETENTION", alignment: .right),
        ]
        let rows = sources.map { source in
            [
                source.name.rawValue, source.title, source.nativeFormat, HumanFormat.grouped(source.retained),
                HumanFormat.grouped(source.written), HumanFormat.grouped(source.retention),
            ]
        }
        return TableRenderer(columns: columns, style: style).render(rows, width: nil)
    }
}
