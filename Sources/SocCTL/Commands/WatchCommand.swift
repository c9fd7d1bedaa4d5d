import Glibc
import SocPOSIX

/// `socctl watch`: the network live, full screen; plain status lines when not on a terminal.
enum WatchCommand {
    static let spec = CommandSpec(
        name: "watch", abstract: "Watch the network live: packets moving, site health, progress.",
        discussion: """
            Draws the network full screen and moves the packets along the links as socd reports \
            them: red diamonds are the attack, green dots legitimate traffic, and a cross at the \
            router a packet the firewall stopped. Below: the site's health, the firewall's \
            verdicts, the sources sending the most packets, the objective with its progress, and \
            the flag once solved. q or Ctrl-C quits. When standard output is not a terminal, \
            prints one status line a second instead, until interrupted.
            """,
        examples: [UsageExample("Watch the attack:", "socctl watch")],
        options: [TopologyCommand.asciiOption]
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let glyphs = DrawingGlyphs.choose(environment: context.environment, forceASCII: parsed.flag("ascii"))
        guard context.terminal.standardOutputIsTerminal else {
            return try WatchPlainLoop(session: session).run()
        }
        return try WatchLiveView(session: session, glyphs: glyphs).run()
    }

    /// The signals that end the view: Ctrl-C when the keyboard is not in raw mode, `kill`, a
    /// closed terminal.
    static let stopSignals = [SIGINT, SIGTERM, SIGHUP]
}
