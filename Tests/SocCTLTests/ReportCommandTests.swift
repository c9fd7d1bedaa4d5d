import JSONRPC
import SocCTL
import Testing

@Suite struct ReportCommandTests {
    @Test func anIncidentReportIsTheMarkdownAsItCame() throws {
        let markdown = "# Incident 1: Request flood\n\n## Timeline\n"
        let server = try rulesServer(["incidents.report": ["format": "markdown", "content": .string(markdown)]])
        let run = RulesRun(["--socket", server.socketPath, "report", "incident", "1"])
        #expect(run.status == .success)
        #expect(run.standardOutput == markdown)
        #expect(server.finish() == [RuleReplies.request("incidents.report", #"{"format":"markdown","id":1}"#)])
    }

    @Test func jsonAsksForTheReportsData() throws {
        let server = try rulesServer([
            "incidents.report": ["format": "json", "incident": SecurityReplies.incident(id: 1)]
        ])
        let run = RulesRun(["--socket", server.socketPath, "report", "incident", "1", "--json"])
        #expect(try JSONValue(parsing: run.standardOutput)["format"] == "json")
        #expect(server.finish() == [RuleReplies.request("incidents.report", #"{"format":"json","id":1}"#)])
    }

    @Test func theSummaryPassesSince() throws {
        let summary: JSONValue = [
            "sinceTick": 100, "untilTick": 300, "alertsBySeverity": ["high": 1],
            "alertsByDetection": ["request-flood": 1],
            "incidentsOpened": 1, "incidentsContained": 1, "incidentsResolved": 0, "topSources": [], "rulesAdded": 1,
            "markdown": "# Shift report: ticks 100-300\n",
        ]
        let server = try rulesServer(["reports.summary": summary])
        let run = RulesRun(["--socket", server.socketPath, "report", "summary", "--since", "100"])
        #expect(run.standardOutput == "# Shift report: ticks 100-300\n")
        #expect(server.finish() == [RuleReplies.request("reports.summary", #"{"since":100}"#)])
    }

    @Test func detectionsAreATable() throws {
        let detections: JSONValue = [
            "detections": [
                [
                    "id": "port-scan", "title": "Port scan", "summary": "s", "severity": "medium", "technique": "T1046",
                    "techniqueName": "Network Service Discovery", "enabled": false,
                    "thresholds": [
                        [
                            "name": "windowTicks", "summary": "", "kind": "integer", "value": 100.0,
                            "defaultValue": 100.0,
                            "minimum": 1.0, "maximum": 36000.0,
                        ]
                    ],
                ]
            ]
        ]
        let server = try rulesServer(["detections.list": detections])
        let run = RulesRun(["--socket", server.socketPath, "detections"])
        #expect(
            run.standardOutput == """
                ID         ON  SEVERITY  TECHNIQUE  THRESHOLDS
                port-scan  no  medium    T1046      windowTicks=100

                """)
        _ = server.finish()
    }
}
