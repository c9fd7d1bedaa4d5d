import JSONRPC
import SocCTL
import Testing

@Suite struct AlertsCommandTests {
    static let page: JSONValue = [
        "alerts": [
            SecurityReplies.alert(id: 2, severity: "medium", detection: "port-scan", source: "203.0.113.5", count: 1),
            SecurityReplies.alert(id: 1, status: "acknowledged"),
        ]
    ]

    @Test func alertsAreATableNewestFirstWithTheFiltersPassedOn() throws {
        let server = try rulesServer(["alerts.list": Self.page])
        let run = RulesRun(["--socket", server.socketPath, "alerts", "--severity", "medium", "--status", "new"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                ID  SEVERITY  STATUS        DETECTION      SOURCE          HITS  SEEN    SUMMARY
                 2  medium    new           port-scan      203.0.113.5        1  41-191  198.51.100.238 sent 300 requests to 10.0.0.10:80 in 50 ticks
                 1  high      acknowledged  request-flood  198.51.100.238     4  41-191  198.51.100.238 sent 300 requests to 10.0.0.10:80 in 50 ticks
                2 alerts

                """)
        #expect(server.finish() == [RuleReplies.request("alerts.list", #"{"severity":"medium","status":"new"}"#)])
    }

    @Test func theSummaryGivesWayToTheTerminalWidth() throws {
        let server = try rulesServer(["alerts.list": Self.page])
        let run = RulesRun(["--socket", server.socketPath, "alerts"], columns: 100)
        #expect(run.standardOutput.split(separator: "\n").map { TextWidth.of(String($0)) }.max() == 100)
        _ = server.finish()
    }

    @Test func jsonPrintsTheResultAsSent() throws {
        let server = try rulesServer(["alerts.list": Self.page])
        let run = RulesRun(["--socket", server.socketPath, "alerts", "--json"])
        #expect(try JSONValue(parsing: run.standardOutput) == Self.page)
        _ = server.finish()
    }

    @Test func ackNamesTheAlertAndAnUnknownOneFails() throws {
        let server = try rulesServer(
            connections: 1, ["alerts.ack": SecurityReplies.alert(id: 1, status: "acknowledged")])
        let run = RulesRun(["--socket", server.socketPath, "alerts", "ack", "1"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == "acknowledged alert 1: 198.51.100.238 sent 300 requests to 10.0.0.10:80 in 50 ticks\n"
        )
        let bad = RulesRun(["--socket", server.socketPath, "alerts", "ack", "one"])
        #expect(bad.status == .usage)
        #expect(server.finish() == [RuleReplies.request("alerts.ack", #"{"id":1}"#)])
    }
}
