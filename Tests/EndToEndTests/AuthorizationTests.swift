import Foundation
import Glibc
import JSONRPC
import Testing

/// Peer credentials decide who may change state: another uid may read but not write, and its
/// refused attempt is audited.
@Suite(.enabled(if: getuid() == 0, "running a client as another uid needs root"))
struct AuthorizationTests {
    /// Sends each line, reads one reply per line, prints the replies; run as the given uid.
    static let client = """
        import socket, sys
        s = socket.socket(socket.AF_UNIX)
        s.settimeout(10)
        s.connect(sys.argv[1])
        lines = sys.argv[2:]
        s.sendall("".join(l + "\\n" for l in lines).encode())
        data = b""
        while data.count(b"\\n") < len(lines):
            chunk = s.recv(65536)
            if not chunk: break
            data += chunk
        sys.stdout.write(data.decode())
        """

    @Test func anotherUserMayReadButNotChangeStateAndTheRefusalIsAudited() throws {
        let scratch = try Scratch()
        let socd = try scratch.startSocd(["--admin-group", "socd-test-no-such-group"])
        // Let uid 65534 reach the socket: the directory searchable, the socket writable by all.
        #expect(chmod(scratch.path, 0o755) == 0)
        #expect(chmod(scratch.socket, 0o666) == 0)

        let setpriv = try BuiltProducts.requiredTool("setpriv", package: "util-linux")
        let python = try BuiltProducts.requiredTool("python3", package: "python3")
        let result = try ChildProcess.run(
            setpriv,
            [
                "--reuid=65534", "--regid=65534", "--clear-groups", python, "-c", Self.client,
                scratch.socket,
                #"{"jsonrpc":"2.0","id":1,"method":"system.ping"}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"system.setLogLevel","params":{"level":"debug"}}"#,
                #"{"jsonrpc":"2.0","id":3,"method":"audit.list","params":{"outcome":"denied"}}"#,
            ],
            outputPrefix: scratch.file("nobody"), timeout: 20)
        #expect(result.status == 0, "\(result.error)")
        let replies = try result.output.split(separator: "\n").map { try JSONValue(parsing: String($0)) }
        try #require(replies.count == 3, "\(result.output)")

        #expect(replies[0]["result"] == ["pong": true])

        let refusal = replies[1]["error"]
        #expect(refusal?["code"] == .int(-32003))
        #expect(refusal?["data"]?["kind"] == "permissionDenied")
        #expect(refusal?["data"]?["uid"] == 65534)
        #expect(refusal?["message"]?.stringValue?.contains("you are uid 65534") == true)

        // Reading the audit trail is open to everyone.
        #expect(replies[2]["result"]?["entries"]?.arrayValue != nil, "\(replies[2])")

        // A refusal is recorded without holding up its reply, so it may land a moment later.
        let owner = try socd.connect()
        var denied: JSONValue?
        #expect(
            try eventually(timeout: 10) {
                denied = try owner.result("audit.list", ["outcome": "denied"])["entries"]?.arrayValue?.first
                return denied != nil
            })
        #expect(denied?["method"] == "system.setLogLevel")
        #expect(denied?["outcome"] == "denied")
        #expect(denied?["uid"] == 65534)
        #expect(denied?["gid"] == 65534)
        #expect(denied?["params"] == ["level": "debug"])
        #expect(denied?["error"]?["code"] == .int(-32003))

        // Nothing changed, and the daemon's own user still may change it.
        #expect(try owner.result("system.status")["logLevel"] == "info")
        #expect(
            try owner.result("system.setLogLevel", ["level": "warning"]) == ["level": "warning", "previous": "info"])
        let all = try owner.result("audit.list")["entries"]?.arrayValue ?? []
        #expect(all.map { $0["outcome"] } == ["ok", "denied"])
        #expect(socd.terminate() == 0)
    }
}
