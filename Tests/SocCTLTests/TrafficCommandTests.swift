import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct TrafficCommandTests {
    static let recent: JSONValue = ["packets": .array(SimFixtures.packets), "retained": 3132]

    @Test func packetsAreLinesWithTheirVerdicts() throws {
        let server = try rulesServer(["traffic.recent": Self.recent])
        let run = SimRun(["--socket", server.socketPath, "traffic"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                14:03:07.120 tick 1234     198.51.100.7:41522 → 10.0.0.10:80    tcp  GET /login  DROP rule 1
                14:03:07.220 tick 1235     203.0.113.44:48615 → 10.0.0.10:80    tcp  GET /products  ACCEPT, server busy (503)
                14:03:07.220 tick 1235        10.0.0.21:54569 → 10.0.0.1:53     udp  DNS A docs.example.org  ACCEPT

                """)
        #expect(server.finish() == [RuleReplies.request("traffic.recent", "{}")])
    }

    @Test func maliciousPacketsAreRedAndLegitimateOnesGreen() throws {
        let server = try rulesServer(["traffic.recent": Self.recent])
        let run = SimRun(["--socket", server.socketPath, "traffic"], utf8: false, color: true)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(
            lines[0]
                == "\u{1B}[31m14:03:07.120 tick 1234     198.51.100.7:41522 -> 10.0.0.10:80    tcp  GET /login  DROP rule 1\u{1B}[0m"
        )
        #expect(lines[1].hasPrefix("\u{1B}[32m14:03:07.220"))
        #expect(lines[2].hasPrefix("\u{1B}[32m"))
        _ = server.finish()
    }

    @Test func theFiltersGoToTheDaemon() throws {
        let server = try rulesServer(["traffic.recent": ["packets": [], "retained": 0]])
        let run = SimRun(["--socket", server.socketPath, "traffic", "--malicious", "--host", "web-server", "-n", "10"])
        #expect(run.status == .success)
        #expect(run.standardOutput == "")
        #expect(
            server.finish() == [
                RuleReplies.request("traffic.recent", #"{"host":"web-server","limit":10,"malicious":true}"#)
            ])
    }

    @Test func nothingToShowIsSaidOnStandardErrorOnly() throws {
        let server = try rulesServer(connections: 2, ["traffic.recent": ["packets": [], "retained": 0]])
        let none = SimRun(["--socket", server.socketPath, "traffic"])
        #expect(none.standardOutput == "")
        #expect(none.standardError == "socctl: no packets yet; is the simulation running? (socctl sim status)\n")
        let json = SimRun(["--socket", server.socketPath, "traffic", "--json"])
        #expect(json.standardError == "")
        _ = server.finish()
        let filtered = try rulesServer(["traffic.recent": ["packets": [], "retained": 3132]])
        let run = SimRun(["--socket", filtered.socketPath, "traffic", "--malicious"])
        #expect(run.standardOutput == "")
        #expect(run.standardError == "socctl: none of the 3,132 packets kept match\n")
        _ = filtered.finish()
    }

    @Test func aLimitOutOfRangeIsAUsageError() {
        let run = SimRun(["--socket", "/nonexistent", "traffic", "--limit", "0"])
        #expect(run.status == .usage)
        #expect(
            run.standardError.hasPrefix("socctl: invalid value '0' for '--limit': expected an integer from 1 to 5000\n")
        )
    }

    @Test func jsonIsTheResultAsSent() throws {
        let server = try rulesServer(["traffic.recent": Self.recent])
        let run = SimRun(["--socket", server.socketPath, "traffic", "--json"])
        #expect(try JSONValue(parsing: run.standardOutput.dropLast().utf8) == Self.recent)
        _ = server.finish()
    }

    @Test func followPrintsTheRecentPacketsThenTheTopicsUntilTheDaemonCloses() throws {
        // The subscription's reply, the recent packets (the first two), then an event that
        // repeats packet 2 and brings packet 3: packet 2 is printed once.
        let first = SimFixtures.packets[0]
        let second = SimFixtures.packets[1]
        let event = FakeServer.event(
            topic: "traffic",
            data: ["fromTick": 1235, "toTick": 1235, "packets": [second, SimFixtures.packets[2]], "omitted": 0])
        let server = try FakeServer { request, _ in
            switch request["method"]?.stringValue {
            case "events.subscribe":
                return .lines(FakeServer.result(["subscription": 1, "topics": ["traffic"]], for: request))
            default:
                return .close(
                    after: FakeServer.result(["packets": [first, second], "retained": 2], for: request), event)
            }
        }
        let run = SimRun(["--socket", server.socketPath, "traffic", "--follow", "--json"])
        #expect(run.status == .unavailable)
        let ids = run.standardOutput.split(separator: "\n").map { line in
            (try? JSONValue(parsing: line.utf8))?["id"]?.intValue
        }
        #expect(ids == [1, 2, 3])
        #expect(
            server.finish() == [
                RuleReplies.request("events.subscribe", #"{"topics":["traffic"]}"#),
                RuleReplies.request("traffic.recent", #"{"limit":10}"#, id: 2),
            ])
    }
}
