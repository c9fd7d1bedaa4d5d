import JSONRPC
import SocProtocol

/// `socctl sim`: the simulation clock: status, pause, resume, step, speed, reset.
enum SimCommand {
    static let spec = CommandSpec(
        name: "sim", abstract: "Show and control the simulation clock.",
        discussion: """
            The simulation advances in ticks of 100 ms of simulated time, 10 a second in real \
            time unless sped up or slowed down. Paused, it moves only when stepped, which is how \
            to look at one moment at leisure. The same seed with the same rule changes at the \
            same ticks replays the same traffic.
            """,
        examples: [
            UsageExample("Freeze time and advance it a second:", "socctl sim pause && socctl sim step 10"),
            UsageExample("Run ten times faster:", "socctl sim speed 100"),
            UsageExample("Start the scenario over with a chosen seed:", "socctl sim reset --seed 42"),
        ],
        subcommands: [status, pause, resume, step, speed, reset])

    static let status = CommandSpec(
        name: "status", abstract: "Show the clock, the site's health and the packet counters."
    ) { parsed, context in
        try run(SimStatusRequest.self, RPCNoParams(), parsed, context) {
            SimStatusText.render($0, style: context.style)
        }
    }

    static let pause = CommandSpec(name: "pause", abstract: "Stop the clock.") { parsed, context in
        try run(SimPauseRequest.self, RPCNoParams(), parsed, context) { SimStatusText.headline($0) + "\n" }
    }

    static let resume = CommandSpec(name: "resume", abstract: "Restart the clock at its speed.") { parsed, context in
        try run(SimResumeRequest.self, RPCNoParams(), parsed, context) { SimStatusText.headline($0) + "\n" }
    }

    static let step = CommandSpec(
        name: "step", abstract: "Advance a paused simulation by N ticks (default 1).",
        arguments: [.optional("N", help: "How many ticks (1-\(SimStepRequest.maximumTicks)).")]
    ) { parsed, context in
        let ticks = try parsed.int(argument: "N", range: 1...SimStepRequest.maximumTicks)
        do {
            return try run(SimStepRequest.self, .init(ticks: ticks), parsed, context) { status in
                SimStatusText.headline(status) + "; site " + SimStatusText.site(status, style: context.style) + "\n"
            }
        } catch var error as ClientError where error.rpcError.map(isRunningClock) == true {
            // The daemon's message names the API method; a socctl user wants the command.
            error.reason = .errorReply(
                RPCError(
                    code: RPCErrorCode.invalidState,
                    message: "the simulation is running; pause it first with 'socctl sim pause'",
                    data: error.rpcError?.data))
            throw error
        }
    }

    /// Whether `error` is the daemon's refusal to step a running clock.
    private static func isRunningClock(_ error: RPCError) -> Bool {
        guard error.code == RPCErrorCode.invalidState, case .object(let data) = error.data else { return false }
        return data["state"] == .string("running")
    }

    static let speed = CommandSpec(
        name: "speed", abstract: "Set how many ticks a second the clock runs (10 is real time), or 'paused'.",
        arguments: [.required("TPS", help: "Ticks per second (0.1-1000), or 'paused'.")]
    ) { parsed, context in
        let text = parsed.argument("TPS")!
        let input: SimSpeedInput
        if text.lowercased() == "paused" {
            input = .paused
        } else if let rate = Double(text), SimSpeedInput.range.contains(rate) {
            input = .ticksPerSecond(rate)
        } else {
            throw UsageError.invalidValue(
                text, for: "TPS", expected: "ticks per second from 0.1 to 1000, or 'paused'", commandPath: parsed.path)
        }
        return try run(SimSpeedRequest.self, .init(ticksPerSecond: input), parsed, context) {
            SimStatusText.headline($0) + "\n"
        }
    }

    static let reset = CommandSpec(
        name: "reset", abstract: "Restart the simulation from tick 0; rules are kept.",
        options: [
            .option("scenario", valueName: "NAME", help: "Load this scenario (see 'socctl scenario list')."),
            .option("seed", valueName: "N", help: "Use this seed (the current one by default)."),
        ]
    ) { parsed, context in
        let params = SimResetRequest.Params(
            scenario: parsed.string("scenario"), seed: try parsed.int("seed", range: SimSeed.range))
        return try run(SimResetRequest.self, params, parsed, context) { status in
            "reset to tick \(status.tick): \(status.scenario), seed \(status.seed); " + SimStatusText.clock(status)
                + "\n"
        }
    }

    /// Calls `method`, then prints its result as JSON or as `render` writes it.
    private static func run<Method: SocMethod>(
        _ method: Method.Type, _ params: Method.Params, _ parsed: ParsedCommand, _ context: CommandContext,
        render: (Method.Result) -> String
    ) throws -> ExitStatus {
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(method, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(render(reply.result))
        }
        return .success
    }
}
