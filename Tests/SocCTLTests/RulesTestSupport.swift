import Glibc
import JSONRPC
import SocCTL
import SocPOSIX

/// Runs the real socctl tree in-process for the rules tests, with the terminal facts a table
/// depends on fixed: the width tables must fit (`$COLUMNS`, or no limit) and whether colour is on.
struct RulesRun {
    var status: ExitStatus
    var standardOutput: String
    var standardError: String

    init(
        _ arguments: [String], columns: Int? = nil, color: Bool = false,
        standardInput: FileDescriptor = .standardInput
    ) {
        let output = OutputStream.memory()
        let error = OutputStream.memory()
        let terminal = Terminal(
            environment: { $0 == "COLUMNS" ? columns.map(String.init) : nil }, standardOutputIsTerminal: false,
            standardErrorIsTerminal: false, windowColumns: nil, colorMode: color ? .always : .never)
        let context = CommandContext(
            terminal: terminal, standardOutput: output, standardError: error, standardInput: standardInput,
            environment: [:], effectiveUID: 1000)
        status = CommandLineTool.run(root: Socctl.root, arguments: arguments, context: context)
        standardOutput = output.text
        standardError = error.text
    }
}

/// Replies shaped like socd's, for the fake daemon of the rules tests.
enum RuleReplies {
    /// A rule as `RuleInfo` encodes it; `expiresAt` is left out when `nil`, as socd does.
    static func rule(
        id: Int, position: Int, src: String = "198.51.100.7", dst: String = "10.0.0.10", sport: JSONValue = "ANY",
        dport: JSONValue = 80, proto: String = "any", action: String = "DROP", comment: String = "",
        expiresAt: String? = nil, hits: Int = 0
    ) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .int(id), "position": .int(position), "src": .string(src), "dst": .string(dst), "sport": sport,
            "dport": dport, "proto": .string(proto), "action": .string(action), "comment": .string(comment),
            "createdAt": "2026-12-04T10:00:00.000Z", "hits": .int(hits),
        ]
        if let expiresAt { members["expiresAt"] = .string(expiresAt) }
        return .object(members)
    }

    /// The ISO 8601 time `seconds` from now, for expiries shown relative to the clock.
    static func fromNow(seconds: Int64) -> String {
        ISO8601.format(milliseconds: WallClock.nowMilliseconds + seconds * 1000)
    }

    /// The request line socctl sends as its first call on a connection.
    static func request(_ method: String, _ params: String, id: Int = 1) -> String {
        #"{"id":\#(id),"jsonrpc":"2.0","method":"\#(method)","params":\#(params)}"#
    }
}

/// A fake daemon that answers each method with a fixed result, serving `connections`
/// connections; the caller checks the request lines with `finish()`.
func rulesServer(
    connections: Int = 1, _ results: [String: JSONValue], errors: [String: RPCError] = [:]
) throws -> FakeServer {
    try FakeServer(connections: connections, script: FakeDaemon.answering(results, errors: errors))
}
