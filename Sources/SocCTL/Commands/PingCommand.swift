import JSONRPC
import SocPOSIX
import SocProtocol

/// `socctl ping`: one `system.ping` round trip, timed.
enum PingCommand {
    static let spec = CommandSpec(
        name: "ping", abstract: "Check that the daemon answers, and how fast.",
        discussion: "Prints the round-trip time of one system.ping, connection set-up not included."
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let client = try session.connect()
        let start = MonotonicClock.now
        let result = try client.call(PingRequest.self, RPCNoParams())
        let elapsed = MonotonicClock.now - start
        if session.wantsJSON {
            session.printCompact(result)
        } else {
            context.standardOutput.writeLine(
                "pong from \(client.socketPath) in \(HumanFormat.latency(nanoseconds: elapsed))")
        }
        return .success
    }
}
