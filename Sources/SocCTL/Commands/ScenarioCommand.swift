import JSONRPC
import SocProtocol

/// `socctl scenario`: the catalog, loading one, and where the learner stands.
enum ScenarioCommand {
    static let spec = CommandSpec(
        name: "scenario", abstract: "List and load scenarios; show the objective, progress and the flag.",
        discussion: """
            A scenario is an attack with an objective. It is solved when no attack packet has \
            got through the firewall for a while and the site still serves its visitors; then \
            'socctl scenario status' shows the flag. It is lost when the attacker gets in first \
            (a guessed password, say): 'socctl scenario status' says how, and 'socctl scenario \
            load NAME' starts it again.
            """,
        examples: [
            UsageExample("Where do I stand?", "socctl scenario status"),
            UsageExample("Stuck? Read the hints:", "socctl scenario status --hints"),
            UsageExample("Try the harder variant:", "socctl scenario load web-flood-rotating"),
        ],
        subcommands: [list, load, status])

    static let list = CommandSpec(name: "list", abstract: "List the scenarios, easiest first.") { parsed, context in
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(ScenarioListRequest.self, RPCNoParams())
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(
                ScenarioText.catalog(reply.result, style: context.style, width: context.terminal.tableWidth))
        }
        return .success
    }

    static let load = CommandSpec(
        name: "load", abstract: "Load a scenario from tick 0; firewall rules are kept.",
        options: [.option("seed", valueName: "N", help: "The seed, which decides who attacks (random by default).")],
        arguments: [.required("NAME", help: "The scenario (see 'socctl scenario list').")]
    ) { parsed, context in
        let params = ScenarioLoadRequest.Params(
            name: parsed.argument("NAME")!, seed: try parsed.int("seed", range: SimSeed.range))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(ScenarioLoadRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            let status = reply.result
            context.standardOutput.writeLine("loaded \(status.name) (seed \(status.seed)): \(status.title)")
            context.standardOutput.write(
                ScenarioText.objective(status, width: min(context.terminal.width, CommandLineTool.maximumHelpWidth)))
        }
        return .success
    }

    static let status = CommandSpec(
        name: "status", abstract: "Show the objective, the progress, and the flag once solved.",
        options: [
            .flag("hints", help: "Show the scenario's hints too."),
            TopologyCommand.asciiOption,
        ]
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(ScenarioStatusRequest.self, RPCNoParams())
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            let glyphs = DrawingGlyphs.choose(environment: context.environment, forceASCII: parsed.flag("ascii"))
            context.standardOutput.write(
                ScenarioText.status(
                    reply.result, hints: parsed.flag("hints"), glyphs: glyphs, style: context.style,
                    width: min(context.terminal.width, CommandLineTool.maximumHelpWidth)))
        }
        return .success
    }
}
