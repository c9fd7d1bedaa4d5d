import Glibc
import JSONRPC
import SocCTL
import SocPOSIX
import SocProtocol
import Testing

@Suite struct SocctlCommandTests {
    @Test func pingPrintsTheSocketAndTheRoundTripTime() throws {
        let server = try FakeServer(connections: 2, script: FakeDaemon.answering(["system.ping": ["pong": true]]))
        let run = SocctlRun(["--socket", server.socketPath, "ping"])
        #expect(run.status == .success)
        #expect(run.standardOutput.hasPrefix("pong from \(server.socketPath) in "))
        #expect(run.standardOutput.hasSuffix("s\n"))
        #expect(run.standardError == "")
        let json = SocctlRun(["ping", "--socket", server.socketPath, "--json"])
        #expect(json.standardOutput == "{\"pong\":true}\n")
        #expect(server.finish() == Array(repeating: #"{"id":1,"jsonrpc":"2.0","method":"system.ping"}"#, count: 2))
    }

    @Test func theSocketComesFromTheEnvironmentWithoutTheOption() throws {
        let server = try FakeServer(script: FakeDaemon.answering(["system.ping": ["pong": true]]))
        let run = SocctlRun(["ping", "--json"], environment: ["SOCD_SOCKET": server.socketPath])
        #expect(run.status == .success)
        #expect(run.standardOutput == "{\"pong\":true}\n")
        _ = server.finish()
    }

    @Test func anUnreachableDaemonExits69WithThePath() {
        let run = SocctlRun(["status"], environment: ["XDG_RUNTIME_DIR": "/nonexistent/run"])
        #expect(run.status.rawValue == 69)
        #expect(run.standardOutput == "")
        #expect(
            run.standardError
                == "socctl: no daemon listening at /nonexistent/run/socd/socd.sock (no such socket); start it with 'systemctl start socd.socket' or 'socd --socket /nonexistent/run/socd/socd.sock'\n"
        )
    }

    @Test func statusIsAReadableBlock() throws {
        let server = try FakeServer(connections: 2, script: FakeDaemon.answering(["system.status": FakeDaemon.status]))
        let run = SocctlRun(["status", "--socket", server.socketPath])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                pid            4242
                uptime         1h 2m (since 2026-12-04T10:00:00.000Z)
                listener       activated by systemd
                socket         /run/socd/socd.sock
                state dir      /var/lib/socd
                connections    2 open, 17 since start
                requests       230
                subscriptions  1
                log level      info
                RSS            12 MiB

                """)
        let json = SocctlRun(["status", "--socket", server.socketPath, "--json"])
        #expect(try JSONValue(parsing: json.standardOutput.dropLast().utf8) == FakeDaemon.status)
        #expect(json.standardOutput.filter { $0 == "\n" }.count == 1)
        _ = server.finish()
    }

    @Test func versionShowsClientAndDaemon() throws {
        let server = try FakeServer(script: FakeDaemon.answering(["system.version": FakeDaemon.version]))
        let run = SocctlRun(["--socket", server.socketPath, "version"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                socctl    \(Socctl.version)
                socd      0.1.0 (revision abc123)
                protocol  1.0
                sqlite    3.40.1

                """)
        _ = server.finish()
    }

    @Test func versionWithoutADaemonStillShowsTheClient() {
        let run = SocctlRun(["--socket", "/nonexistent/socd.sock", "version"])
        #expect(run.status == .unavailable)
        #expect(run.standardOutput == "socctl  \(Socctl.version)\n")
        #expect(run.standardError.hasPrefix("socctl: no daemon listening at /nonexistent/socd.sock"))
    }

    @Test func rootVersionIsTheClientsReleaseAndRevision() {
        let run = SocctlRun(["--version"])
        #expect(run.status == .success)
        #expect(run.standardOutput == "socctl \(SocdVersion.release) (revision \(BuildInfo.revision))\n")
    }

    @Test func callPrintsThePrettyResultAndSendsTheParams() throws {
        let result: JSONValue = ["entries": [["id": 1, "method": "system.setLogLevel"]], "nextBefore": .null]
        let server = try FakeServer(connections: 2, script: FakeDaemon.answering(["audit.list": result]))
        let run = SocctlRun(["--socket", server.socketPath, "call", "audit.list", #"{"limit": 1}"#])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                {
                  "entries": [
                    {
                      "id": 1,
                      "method": "system.setLogLevel"
                    }
                  ],
                  "nextBefore": null
                }

                """)
        let json = SocctlRun(["--socket", server.socketPath, "call", "audit.list", "--json"])
        #expect(
            json.standardOutput == #"{"entries":[{"id":1,"method":"system.setLogLevel"}],"nextBefore":null}"# + "\n")
        #expect(
            server.finish() == [
                #"{"id":1,"jsonrpc":"2.0","method":"audit.list","params":{"limit":1}}"#,
                #"{"id":1,"jsonrpc":"2.0","method":"audit.list"}"#,
            ])
    }

    @Test func callReadsParamsFromStandardInput() throws {
        let server = try FakeServer(script: FakeDaemon.answering(["audit.list": ["entries": []]]))
        let pipe = try Pipe(contents: #"{"method": "system.setLogLevel"}"# + "\n")
        defer { pipe.close() }
        let run = SocctlRun(["--socket", server.socketPath, "call", "audit.list", "-"], standardInput: pipe.reader)
        #expect(run.status == .success)
        #expect(run.standardOutput == "{\n  \"entries\": []\n}\n")
        #expect(
            server.finish() == [
                #"{"id":1,"jsonrpc":"2.0","method":"audit.list","params":{"method":"system.setLogLevel"}}"#
            ])
    }

    @Test(arguments: [
        ("{bad", "socctl: PARAMS is not valid JSON: unexpected character 'b' at byte 1"),
        ("[1, 2]", "socctl: PARAMS must be a JSON object, got array"),
        (#"{"a": 1"#, "socctl: PARAMS is not valid JSON: unexpected end of input at byte 7"),
        ("", "socctl: PARAMS is not valid JSON: unexpected end of input at byte 0"),
    ])
    func callWithBadParamsIsAUsageError(params: String, message: String) {
        // The socket does not exist: a usage error must be reported before connecting.
        let run = SocctlRun(["--socket", "/nonexistent/socd.sock", "call", "system.ping", params])
        #expect(run.status.rawValue == 64)
        #expect(run.standardOutput == "")
        #expect(run.standardError == message + "\nTry 'socctl call --help'.\n")
    }

    @Test func badParamsOnStandardInputNameTheSource() throws {
        let pipe = try Pipe(contents: "junk")
        defer { pipe.close() }
        let run = SocctlRun(["--socket", "/nonexistent", "call", "x.y", "-"], standardInput: pipe.reader)
        #expect(run.status == .usage)
        #expect(
            run.standardError.hasPrefix(
                "socctl: PARAMS from standard input is not valid JSON: unexpected character 'j' at byte 0\n"))
    }

    @Test func anErrorReplyExits1WithTheMessage() throws {
        let invalid = RPCError(code: RPCErrorCode.invalidParams, message: "Invalid params", data: ["field": "limit"])
        let server = try FakeServer(connections: 2, script: FakeDaemon.answering([:], errors: ["audit.list": invalid]))
        let missing = SocctlRun(["--socket", server.socketPath, "call", "rules.explode"])
        #expect(missing.status.rawValue == 1)
        #expect(missing.standardOutput == "")
        #expect(missing.standardError == "socctl: Method not found: rules.explode\n")
        let field = SocctlRun(["--socket", server.socketPath, "call", "audit.list", #"{"limit":0}"#])
        #expect(field.status == .failure)
        #expect(field.standardError == "socctl: Invalid params (field 'limit')\n")
        _ = server.finish()
    }

    @Test func aRefusalIsPrintedAsTheDaemonWroteIt() throws {
        let refusal = RPCError.permissionDenied(
            "system.setLogLevel changes state: uid 1000 is not root, socd or in group socd")
        let server = try FakeServer(script: FakeDaemon.answering([:], errors: ["system.setLogLevel": refusal]))
        let run = SocctlRun(["--socket", server.socketPath, "log-level", "debug"])
        #expect(run.status == .failure)
        #expect(
            run.standardError
                == "socctl: system.setLogLevel changes state: uid 1000 is not root, socd or in group socd\n")
        _ = server.finish()
    }

    @Test func aBrokenReplyIsAnInternalError() throws {
        let server = try FakeServer { _, _ in .lines("{\"jsonrpc\":\"2.0\",\"id\":1}") }
        let run = SocctlRun(["--socket", server.socketPath, "ping"])
        #expect(run.status.rawValue == 70)
        #expect(
            run.standardError
                == "socctl: the daemon at \(server.socketPath) sent an invalid reply to system.ping: a reply must have exactly one of \"result\" and \"error\"\n"
        )
        _ = server.finish()
    }

    @Test func aDaemonThatNeverAnswersExits75AfterTheTimeout() throws {
        let server = try FakeServer { _, _ in .lines() }
        let run = SocctlRun(["--socket", server.socketPath, "--timeout", "0.3", "ping"])
        #expect(run.status.rawValue == 75)
        #expect(
            run.standardError
                == "socctl: the daemon at \(server.socketPath) did not send the reply to system.ping within 0.3 s; "
                + "it may be stuck or very busy (allow longer with --timeout SECONDS, or 0 to wait as long as it takes)\n"
        )
        _ = server.finish()
    }

    @Test(arguments: ["soon", "-1", "inf"])
    func aBadTimeoutIsAUsageError(value: String) {
        let run = SocctlRun(["--socket", "/nonexistent/socd.sock", "--timeout", value, "ping"])
        #expect(run.status == .usage)
        #expect(
            run.standardError.hasPrefix(
                "socctl: invalid value '\(value)' for '--timeout': expected a number of seconds, 0 or more"))
    }

    @Test func logLevelShowsAndSets() throws {
        let server = try FakeServer(
            connections: 4,
            script: FakeDaemon.answering([
                "system.status": FakeDaemon.status, "system.setLogLevel": ["previous": "info", "level": "debug"],
            ]))
        let show = SocctlRun(["--socket", server.socketPath, "log-level"])
        #expect(show.standardOutput == "info\n")
        let showJSON = SocctlRun(["--socket", server.socketPath, "log-level", "--json"])
        #expect(showJSON.standardOutput == "{\"level\":\"info\"}\n")
        let set = SocctlRun(["--socket", server.socketPath, "log-level", "DEBUG"])
        #expect(set.status == .success)
        #expect(set.standardOutput == "log level changed from info to debug\n")
        let setJSON = SocctlRun(["--socket", server.socketPath, "log-level", "debug", "--json"])
        #expect(setJSON.standardOutput == "{\"level\":\"debug\",\"previous\":\"info\"}\n")
        let lines = server.finish()
        #expect(lines.last == #"{"id":1,"jsonrpc":"2.0","method":"system.setLogLevel","params":{"level":"debug"}}"#)
    }

    @Test func logLevelRejectsAnUnknownLevelBeforeConnecting() {
        let run = SocctlRun(["--socket", "/nonexistent", "log-level", "loud"])
        #expect(run.status == .usage)
        #expect(
            run.standardError
                == "socctl: invalid value 'loud' for LEVEL: expected one of trace, debug, info, notice, warning, error\nTry 'socctl log-level --help'.\n"
        )
    }

    @Test func auditIsATable() throws {
        let entries: JSONValue = [
            "entries": [
                [
                    "id": 12, "at": "2026-12-04T10:00:02.000Z", "uid": 0, "gid": 0, "pid": 4301,
                    "method": "system.setLogLevel", "params": ["level": "debug"], "outcome": "ok",
                ],
                [
                    "id": 11, "at": "2026-12-04T09:59:00.000Z", "uid": 1000, "gid": 1000, "pid": 77,
                    "method": "system.setLogLevel", "outcome": "denied",
                    "error": ["code": -32003, "message": "no"],
                ],
            ]
        ]
        let server = try FakeServer(script: FakeDaemon.answering(["audit.list": entries]))
        let run = SocctlRun([
            "--socket", server.socketPath, "audit", "--limit", "2", "--method", "system.setLogLevel", "--since",
            "2026-12-04T11:00:00+02:00",
        ])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                ID  AT                         UID   PID  METHOD              OUTCOME
                12  2026-12-04T10:00:02.000Z     0  4301  system.setLogLevel  ok
                11  2026-12-04T09:59:00.000Z  1000    77  system.setLogLevel  denied

                """)
        #expect(
            server.finish() == [
                #"{"id":1,"jsonrpc":"2.0","method":"audit.list","params":{"limit":2,"method":"system.setLogLevel","since":"2026-12-04T09:00:00.000Z"}}"#
            ])
    }

    @Test func auditValidatesItsOptionsBeforeConnecting() {
        let since = SocctlRun(["--socket", "/nonexistent", "audit", "--since", "yesterday"])
        #expect(since.status == .usage)
        #expect(
            since.standardError.hasPrefix(
                "socctl: invalid value 'yesterday' for '--since': expected an ISO 8601 time such as 2026-01-31T08:00:00Z\n"
            ))
        let limit = SocctlRun(["--socket", "/nonexistent", "audit", "-n", "5000"])
        #expect(limit.status == .usage)
        #expect(
            limit.standardError.hasPrefix(
                "socctl: invalid value '5000' for '--limit': expected an integer from 1 to 1000\n"))
    }

    @Test func anEmptyAuditTrailSaysSo() throws {
        let server = try FakeServer(script: FakeDaemon.answering(["audit.list": ["entries": []]]))
        let run = SocctlRun(["--socket", server.socketPath, "audit"])
        #expect(run.standardOutput == "No audit entries.\n")
        #expect(server.finish() == [#"{"id":1,"jsonrpc":"2.0","method":"audit.list","params":{"limit":50}}"#])
    }

    @Test func completionsAreHiddenButWork() {
        let run = SocctlRun(["completions", "bash"])
        #expect(run.status == .success)
        #expect(run.standardOutput.contains("log-level"))
        #expect(!SocctlRun(["--help"]).standardOutput.contains("completions"))
    }
}
