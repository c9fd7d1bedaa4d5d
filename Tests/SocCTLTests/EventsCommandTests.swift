import Glibc
import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct EventsCommandTests {
    /// Answers `events.subscribe`, then sends `events` and closes, as a daemon that shuts down.
    static func server(events: [String], topics: [String] = ["system", "audit"]) throws -> FakeServer {
        try FakeServer { request, _ in
            let result: JSONValue = ["subscription": 1, "topics": .array(topics.map { .string($0) })]
            return FakeServer.Reply(lines: [FakeServer.result(result, for: request)] + events, closes: true)
        }
    }

    static let events = [
        FakeServer.event(topic: "system", data: ["event": "logLevelChanged", "previous": "info", "level": "debug"]),
        FakeServer.event(
            topic: "audit",
            data: [
                "id": 3, "at": "2026-12-04T10:00:00.000Z", "uid": 0, "gid": 0, "pid": 42,
                "method": "system.setLogLevel",
                "params": ["level": "debug"], "outcome": "ok",
            ]),
    ]

    @Test func humanLinesUntilTheDaemonCloses() throws {
        let server = try Self.server(events: Self.events)
        let run = SocctlRun(["--socket", server.socketPath, "events"])
        #expect(run.status.rawValue == 69)
        #expect(run.standardError == "socctl: the daemon at \(server.socketPath) closed the connection\n")
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines.last == "")
        for line in lines.dropLast() {
            #expect(isTimestamp(line.prefix(12)), "\(line)")
        }
        #expect(
            lines.dropLast().map { $0.dropFirst(13) } == [
                "system     logLevelChanged level=debug previous=info",
                "audit      #3 system.setLogLevel ok by uid 0 pid 42 params={\"level\":\"debug\"}",
            ])
        #expect(server.finish() == [#"{"id":1,"jsonrpc":"2.0","method":"events.subscribe","params":{}}"#])
    }

    @Test func jsonModePrintsEachNotificationsParams() throws {
        let server = try Self.server(events: Self.events, topics: ["audit"])
        let run = SocctlRun(["--socket", server.socketPath, "events", "--json", "--topic", "audit", "-t", "audit"])
        #expect(run.status == .unavailable)
        #expect(
            run.standardOutput == """
                {"data":{"event":"logLevelChanged","level":"debug","previous":"info"},"subscription":1,"topic":"system"}
                {"data":{"at":"2026-12-04T10:00:00.000Z","gid":0,"id":3,"method":"system.setLogLevel","outcome":"ok","params":{"level":"debug"},"pid":42,"uid":0},"subscription":1,"topic":"audit"}

                """)
        #expect(
            server.finish() == [#"{"id":1,"jsonrpc":"2.0","method":"events.subscribe","params":{"topics":["audit"]}}"#])
    }

    @Test func aTerminalIsToldHowToStop() throws {
        let server = try Self.server(events: [])
        let run = SocctlRun(["--socket", server.socketPath, "events"], standardErrorIsTerminal: true)
        #expect(run.standardError.hasPrefix("Following system, audit events; press Ctrl-C to stop.\n"))
        _ = server.finish()
    }

    @Test func anUnknownTopicIsAUsageError() {
        let run = SocctlRun(["--socket", "/nonexistent", "events", "--topic", "firewall"])
        #expect(run.status == .usage)
        #expect(
            run.standardError
                == "socctl: invalid value 'firewall' for '--topic': expected one of "
                + EventTopic.allCases.map(\.rawValue).joined(separator: ", ") + "\nTry 'socctl events --help'.\n"
        )
    }

    @Test(
        .enabled(if: BuiltProgram.socctl != nil, "the socctl executable is built next to the tests"),
        arguments: ["INT", "TERM"])
    func aSignalEndsTheStreamWithStatus0(signal: String) throws {
        // The daemon answers the subscription with one event and then stays silent, so only the
        // signal can end the command.
        let server = try FakeServer { request, _ in
            .lines(
                FakeServer.result(["subscription": 1, "topics": ["system"]], for: request),
                FakeServer.event(topic: "system", data: ["event": "started"]))
        }
        let output = Shell.temporaryFile("")
        defer { unlink(output) }
        let result = Shell.run(
            """
            '\(BuiltProgram.socctl!)' --socket '\(server.socketPath)' events >'\(output)' 2>&1 & pid=$!
            tries=0
            until grep -q started '\(output)' || [ $tries -ge 500 ]; do sleep 0.01; tries=$((tries + 1)); done
            kill -\(signal) $pid
            wait $pid
            echo "status=$?"
            """)
        #expect(result.output == "status=0\n")
        let printed = Shell.read(output)
        #expect(printed.hasSuffix(" system     started\n"))
        #expect(server.finish() == [#"{"id":1,"jsonrpc":"2.0","method":"events.subscribe","params":{}}"#])
    }

    private func isTimestamp(_ text: Substring) -> Bool {
        let pattern = Array("00:00:00.000")
        let characters = Array(text)
        guard characters.count == pattern.count else { return false }
        return zip(characters, pattern).allSatisfy { actual, expected in
            expected == "0" ? actual.isASCII && actual.isNumber : actual == expected
        }
    }
}
