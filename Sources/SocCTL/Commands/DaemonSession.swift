import JSONRPC
import SocPOSIX
import SocProtocol

/// What every command that talks to socd shares: where the socket is, whether `--json` was
/// given, and how results are printed.
struct DaemonSession {
    let parsed: ParsedCommand
    let context: CommandContext

    init(_ parsed: ParsedCommand, _ context: CommandContext) {
        self.parsed = parsed
        self.context = context
    }

    /// `--socket`, else the path `SocketLocation` derives from the environment and the uid
    /// (falling back to the system socket for users without a daemon of their own).
    var socketPath: String {
        SocketLocation.resolveForClient(
            option: parsed.string(SocctlOptions.socket.long), environment: context.environment,
            uid: context.effectiveUID, exists: { path in ((try? FileSystem.status(atPath: path)) ?? nil) != nil })
    }

    /// Whether the user asked for the raw result as JSON.
    var wantsJSON: Bool { parsed.flag(SocctlOptions.json.long) }

    /// Connects, with the reply timeout `--timeout` gives (a bad value is a usage error).
    func connect() throws -> RPCClient {
        let timeout = try replyTimeout()
        let client = try RPCClient.connect(path: socketPath)
        client.replyTimeout = timeout
        return client
    }

    /// `--timeout` as a duration; nil for 0, which waits as long as it takes.
    func replyTimeout() throws(UsageError) -> Duration? {
        let seconds =
            try parsed.value(SocctlOptions.timeout.long, expected: "a number of seconds, 0 or more") {
                Double($0).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil }
            } ?? Double(SocctlOptions.defaultTimeoutSeconds)
        return seconds > 0 ? .milliseconds(Int64((seconds * 1_000).rounded(.up))) : nil
    }

    /// Prints `value` compactly on one line, the `--json` form of every command.
    func printCompact(_ value: JSONValue) {
        context.standardOutput.writeLine(value.serializedString)
    }

    /// Prints a result the way `--json` asks for: a decoded result is encoded back, which
    /// yields the same members the daemon sent.
    func printCompact(_ value: some Encodable) {
        do {
            printCompact(try JSONValueEncoder().encode(value))
        } catch {
            preconditionFailure("a result decoded from JSON encodes again: \(error)")
        }
    }
}
