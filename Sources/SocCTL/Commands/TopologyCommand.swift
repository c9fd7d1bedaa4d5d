import JSONRPC
import SocProtocol

/// `socctl topology`: the simulated network, drawn as the room draws it.
enum TopologyCommand {
    /// `--ascii`, shared with the other commands that draw.
    static let asciiOption = OptionSpec.flag(
        "ascii", help: "Draw with ASCII characters only (the default outside a UTF-8 locale).")

    static let spec = CommandSpec(
        name: "topology", abstract: "Draw the simulated network: machines, router and web server.",
        discussion: """
            The machines and the internet are on the left, the router with the firewall in the \
            middle, the web server on the right, each with its name and address. The drawing fits \
            the terminal's width. With --json, the hosts, their services and links as socd sends them.
            """,
        examples: [UsageExample("Find the web server's address:", "socctl topology")],
        options: [asciiOption]
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(TopologyGetRequest.self, RPCNoParams())
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            let glyphs = DrawingGlyphs.choose(environment: context.environment, forceASCII: parsed.flag("ascii"))
            context.standardOutput.write(
                render(reply.result, width: context.terminal.width, glyphs: glyphs, style: context.style))
        }
        return .success
    }

    /// The diagram and a line about the networks, each line ending in a newline.
    static func render(
        _ topology: TopologyGetRequest.Result, width: Int, glyphs: DrawingGlyphs, style: Style
    ) -> String {
        let diagram = NetworkDiagram(topology: topology, width: width)
        var text = diagram.lines(glyphs: glyphs, style: style).map { $0 + "\n" }.joined()
        let router = diagram.router ?? "the router"
        text +=
            "\nLAN \(topology.lan) on \(router) \(topology.lanInterface); the internet on \(topology.wanInterface).\n"
        return text
    }
}
