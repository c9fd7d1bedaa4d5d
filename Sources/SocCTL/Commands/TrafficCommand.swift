import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol

/// `socctl traffic`: the simulated packets with the firewall's verdicts, red and green.
enum TrafficCommand {
    static let spec = CommandSpec(
        name: "traffic", abstract: "Show packets and their verdicts; red ones are the attack.",
        discussion: """
            One line per packet: its simulated time and tick, source → destination, protocol, what \
            it carries and the firewall's verdict (with the rule that decided, when one did). \
            Malicious packets are red and legitimate ones green when colour is on; NO_COLOR turns \
            it off. --follow prints the newest packets, then those socd publishes as the \
            simulation runs (a sample when the traffic is heavy), until Ctrl-C. With --json, the \
            result as socd sends it, or with --follow one packet per line.
            """,
        examples: [
            UsageExample("Where do the red packets come from?", "socctl traffic --malicious --limit 10"),
            UsageExample("Follow what reaches the web server:", "socctl traffic --follow --host web-server"),
        ],
        options: [
            .flag("follow", short: "f", help: "Keep printing packets as they happen, until Ctrl-C."),
            .flag("malicious", short: "m", help: "Only the attack's packets (the red ones)."),
            .option("host", valueName: "HOST", help: "Only packets from or to this host name or address."),
            .option(
                "limit", short: "n", valueName: "N",
                help: "At most N packets, the newest (1-5000; default 100, or 10 with --follow)."),
            TopologyCommand.asciiOption,
        ]
    ) { parsed, context in
        let follow = parsed.flag("follow")
        let limit =
            try parsed.int("limit", range: 1...TrafficRecentRequest.maximumLimit) ?? (follow ? 10 : nil)
        let params = TrafficRecentRequest.Params(
            limit: limit, malicious: parsed.flag("malicious") ? true : nil, host: parsed.string("host"))
        let session = DaemonSession(parsed, context)
        let glyphs = DrawingGlyphs.choose(environment: context.environment, forceASCII: parsed.flag("ascii"))
        guard follow else {
            let reply = try session.connect().callKeepingJSON(TrafficRecentRequest.self, params)
            if session.wantsJSON {
                session.printCompact(reply.json)
            } else {
                for packet in reply.result.packets {
                    context.standardOutput.writeLine(TrafficLine.format(packet, glyphs: glyphs, style: context.style))
                }
                if reply.result.packets.isEmpty { context.standardError.writeLine(emptyNote(reply.result)) }
            }
            return .success
        }
        let follower = TrafficFollower(session: session, params: params, glyphs: glyphs)
        return try follower.run()
    }

    /// Why nothing was printed, on standard error so that standard output stays empty for scripts.
    static func emptyNote(_ result: TrafficRecentRequest.Result) -> String {
        result.retained == 0
            ? "socctl: no packets yet; is the simulation running? (socctl sim status)"
            : "socctl: none of the \(HumanFormat.grouped(result.retained)) packets kept match"
    }
}
