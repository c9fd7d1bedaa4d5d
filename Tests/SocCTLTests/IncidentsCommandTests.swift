import JSONRPC
import SocCTL
import Testing

@Suite struct IncidentsCommandTests {
    static let page: JSONValue = [
        "incidents": [
            SecurityReplies.incident(id: 2, title: "Phishing mail to accounts", severity: "low", source: nil),
            SecurityReplies.incident(id: 1, status: "contained", ruleIds: [6]),
        ],
        "total": 2,
    ]

    @Test func incidentsWithoutASubcommandListThem() throws {
        let server = try rulesServer(["incidents.list": Self.page])
        let run = RulesRun(["--socket", server.socketPath, "incidents", "--open"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                ID  SEVERITY  STATUS     SOURCE          ALERTS  RULES  ASSIGNEE  TITLE
                 2  low       new        -                    1      0  -         Phishing mail to accounts
                 1  high      contained  198.51.100.238       1      1  -         Request flood on a web service from 198.51.100.238
                2 incidents

                """)
        #expect(server.finish() == [RuleReplies.request("incidents.list", #"{"open":true}"#)])
    }

    @Test func showPrintsTheFieldsClocksAndTimeline() throws {
        let timeline: [JSONValue] = [
            ["kind": "created", "text": "created: Request flood", "at": "2024-05-14T09:00:20.000Z", "tick": 200],
            ["kind": "note", "text": "blocked at the edge", "uid": 0, "at": "2024-05-14T09:00:30.000Z", "tick": 300],
        ]
        let server = try rulesServer(["incidents.get": SecurityReplies.incident(id: 1, timeline: timeline)])
        let run = RulesRun(["--socket", server.socketPath, "incidents", "show", "1"])
        #expect(run.status == .success)
        #expect(run.standardOutput.contains("incident         1: Request flood on a web service from 198.51.100.238\n"))
        #expect(run.standardOutput.contains("time to detect   300 ms\n"))
        #expect(run.standardOutput.contains("time to resolve  -\n"))
        #expect(
            run.standardOutput.hasSuffix(
                """
                TICK  WHO    KIND     WHAT
                 200  socd   created  created: Request flood
                 300  uid 0  note     blocked at the edge

                """))
        #expect(server.finish() == [RuleReplies.request("incidents.get", #"{"id":1}"#)])
    }

    @Test func createNoteStatusAndContainSendWhatTheySay() throws {
        let contained: JSONValue = [
            "incident": SecurityReplies.incident(id: 1, ruleIds: [6]),
            "rule": RuleReplies.rule(id: 6, position: 1, src: "198.51.100.238", dst: "ANY", dport: "ANY"),
        ]
        let server = try rulesServer(
            connections: 4,
            [
                "incidents.create": SecurityReplies.incident(id: 3, title: "Phishing", source: nil),
                "incidents.note": SecurityReplies.incident(id: 1),
                "incidents.update": SecurityReplies.incident(id: 1, status: "resolved"),
                "incidents.contain": contained,
            ])
        let create = RulesRun([
            "--socket", server.socketPath, "incidents", "create", "--title", "Phishing", "-s", "high", "--tag", "mail",
        ])
        #expect(create.standardOutput == "opened incident 3: Phishing\n")
        let note = RulesRun(["--socket", server.socketPath, "incidents", "note", "1", "blocked", "at", "the", "edge"])
        #expect(note.standardOutput == "noted on incident 1\n")
        let status = RulesRun([
            "--socket", server.socketPath, "incidents", "status", "1", "resolved", "--note", "done",
        ])
        #expect(status.standardOutput == "incident 1 is resolved\n")
        let contain = RulesRun(["--socket", server.socketPath, "incidents", "contain", "1"])
        #expect(contain.standardOutput == "incident 1: rule 6 added: 198.51.100.238 → ANY DROP\n")
        #expect(
            server.finish() == [
                RuleReplies.request("incidents.create", #"{"severity":"high","tags":["mail"],"title":"Phishing"}"#),
                RuleReplies.request("incidents.note", #"{"id":1,"text":"blocked at the edge"}"#),
                RuleReplies.request("incidents.update", #"{"id":1,"note":"done","status":"resolved"}"#),
                RuleReplies.request("incidents.contain", #"{"id":1}"#),
            ])
    }

    @Test func anInvalidMoveShowsTheDaemonsReasonAndFails() throws {
        let server = try rulesServer(
            [:],
            errors: [
                "incidents.update": .invalidState("cannot move incident 1 from resolved to new; use reopen")
            ])
        let run = RulesRun(["--socket", server.socketPath, "incidents", "status", "1", "new"])
        #expect(run.status == .failure)
        #expect(run.standardError.contains("cannot move incident 1 from resolved to new; use reopen"))
        _ = server.finish()
    }

    @Test func createNeedsATitle() {
        let run = RulesRun(["incidents", "create"])
        #expect(run.status == .usage)
        #expect(run.standardError.contains("--title"))
    }
}
