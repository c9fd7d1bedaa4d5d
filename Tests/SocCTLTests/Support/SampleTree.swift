import Glibc
import SocCTL

/// A command tree shaped like socctl's, with actions that print what they were given, so that
/// tests exercise the parser, help and completion on the structure the real CLI has.
enum SampleTree {
    static let root = CommandSpec(
        name: "socctl", abstract: "Operate socd, the security operations daemon.",
        discussion:
            "socctl talks to socd over its Unix socket. Every command accepts --json for output a script can read.",
        globalOptions: [
            .option(
                "socket", short: "s", valueName: "PATH", help: "The socket of socd (default: $SOCD_SOCKET).",
                completion: .files),
            .flag("json", short: "j", help: "Print replies as JSON."),
            .flag("quiet", short: "q", help: "Print nothing on success."),
        ],
        subcommands: [ping, status, version, call, events, rules, CommandSpec.completionsCommand()],
        version: "0.1.0")

    static let ping = CommandSpec(name: "ping", abstract: "Check that the daemon answers.") { parsed, context in
        let socket = parsed.string("socket") ?? "/run/socd/socd.sock"
        guard access(socket, F_OK) == 0 else {
            throw CommandFailure.unavailable("cannot connect to \(socket): no such file")
        }
        context.standardOutput.writeLine("pong")
        return .success
    }

    static let status = CommandSpec(name: "status", abstract: "Show the state of the simulation.", run: echo)

    static let version = CommandSpec(name: "version", abstract: "Show the versions of socctl and socd.", run: echo)

    static let call = CommandSpec(
        name: "call", abstract: "Send one JSON-RPC request and print the reply.",
        arguments: [
            .required("METHOD", help: "The method name, such as system.ping."),
            .optional("PARAMS", help: "The params as a JSON object."),
        ]
    ) { parsed, context in
        if let params = parsed.argument("PARAMS"), !params.hasPrefix("{") {
            throw CommandFailure.dataError("PARAMS must be a JSON object")
        }
        return try echo(parsed, context)
    }

    static let events = CommandSpec(
        name: "events", abstract: "Follow events as they happen.",
        options: [
            .option(
                "topic", short: "t", valueName: "TOPIC", help: "Only events of this topic.", repeatable: true,
                completion: .words(["alerts", "firewall", "incidents"])),
            .option("limit", short: "n", valueName: "N", help: "Stop after N events."),
        ]
    ) { parsed, context in
        let limit = try parsed.int("limit", range: 1...10_000)
        context.standardOutput.writeLine("topics=\(parsed.strings("topic")) limit=\(limit.map(String.init) ?? "none")")
        return .success
    }

    static let ruleFields = ["src", "dst", "sport", "dport", "action"]

    static let rulesAdd = CommandSpec(
        name: "add", abstract: "Add a firewall rule.",
        discussion: "The fields can be given as arguments, in the order of the room's table, or as options.",
        examples: [
            UsageExample("Drop web traffic from an attacker:", "socctl rules add 203.0.113.7 10.0.0.10 ANY 80 DROP")
        ],
        options: [
            .option("src", valueName: "ADDRESS", help: "Source: ANY, an IPv4 address or a CIDR."),
            .option("dst", valueName: "ADDRESS", help: "Destination: ANY, an IPv4 address or a CIDR."),
            .option("sport", valueName: "PORT", help: "Source port: ANY, a port or a range lo-hi."),
            .option("dport", valueName: "PORT", help: "Destination port: ANY, a port or a range lo-hi."),
            .option(
                "proto", valueName: "PROTO", help: "Protocol.", default: "any",
                completion: .words(["any", "tcp", "udp", "icmp"])),
            .option(
                "action", valueName: "ACTION", help: "What to do with a match.",
                completion: .words(["ACCEPT", "DROP", "REJECT"])),
            .option("ttl", valueName: "DURATION", help: "Remove the rule after this long."),
            .option("comment", valueName: "TEXT", help: "Why the rule exists."),
            .option("position", valueName: "N", help: "Where to insert it; rules are matched in order."),
        ],
        arguments: [
            .optional("SRC", help: "As --src."), .optional("DST", help: "As --dst."),
            .optional("SPORT", help: "As --sport."), .optional("DPORT", help: "As --dport."),
            .optional("ACTION", help: "As --action.", completion: .words(["ACCEPT", "DROP", "REJECT"])),
        ]
    ) { parsed, context in
        var fields: [String] = []
        for field in ruleFields {
            let argument = parsed.argument(field.uppercased())
            let option = parsed.string(field)
            if argument != nil, option != nil {
                throw parsed.usageError("\(field.uppercased()) was given both as an argument and as '--\(field)'")
            }
            fields.append("\(field)=\(argument ?? option ?? "ANY")")
        }
        let position = try parsed.int("position", range: 1...100_000)
        fields.append("proto=\(parsed.string("proto")!)")
        fields.append("position=\(position.map(String.init) ?? "last")")
        context.standardOutput.writeLine(fields.joined(separator: " "))
        return .success
    }

    static let rules = CommandSpec(
        name: "rules", abstract: "List and change firewall rules.",
        subcommands: [
            CommandSpec(name: "list", abstract: "List the rules in evaluation order.", run: echo),
            rulesAdd,
            CommandSpec(
                name: "remove", abstract: "Remove a rule.",
                arguments: [.variadic("ID", minimum: 1, help: "The ids of the rules to remove.")], run: echo),
        ])

    /// Prints the command path and positionals, for commands whose tests only check dispatch.
    static func echo(_ parsed: ParsedCommand, _ context: CommandContext) throws -> ExitStatus {
        let json = parsed.flag("json") ? " json" : ""
        context.standardOutput.writeLine(
            parsed.path.joined(separator: " ") + json + parsed.positionals.map { " " + $0 }.joined())
        return .success
    }

    /// Parses `arguments` and returns the command that would run, failing the test otherwise.
    static func parse(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let parsed) = try ArgumentParser(root: root).parse(arguments) else {
            throw UsageError("expected a command to run", commandPath: [])
        }
        return parsed
    }

    /// The usage error `arguments` cause, or `nil` if they parse.
    static func usageError(_ arguments: [String]) -> UsageError? {
        do {
            _ = try ArgumentParser(root: root).parse(arguments)
            return nil
        } catch {
            return error
        }
    }
}

/// Runs a tool in-process against memory streams.
struct ToolRun {
    var status: ExitStatus
    var standardOutput: String
    var standardError: String

    init(_ arguments: [String], root: CommandSpec = SampleTree.root, columns: Int = 80) {
        let output = OutputStream.memory()
        let error = OutputStream.memory()
        let terminal = Terminal(
            environment: { _ in nil }, standardOutputIsTerminal: false, standardErrorIsTerminal: false,
            windowColumns: columns)
        let context = CommandContext(terminal: terminal, standardOutput: output, standardError: error)
        status = CommandLineTool.run(root: root, arguments: arguments, context: context)
        standardOutput = output.text
        standardError = error.text
    }
}
