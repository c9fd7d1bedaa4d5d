import JSONRPC
import SocCTL
import Testing

@Suite struct HuntCommandTests {
    @Test func groupByCountsPerValue() throws {
        let result: JSONValue = [
            "scanned": 40068, "matched": 19530, "groupBy": ["destination.port"], "distinctGroups": 3,
            "groups": [["values": ["80"], "count": 19400], ["values": ["443"], "count": 130]],
        ]
        let server = try rulesServer(["logs.query": result])
        let query = "source=firewall and event.action=drop and source.ip in 198.51.100.0/24"
        let run = RulesRun(["--socket", server.socketPath, "hunt", query, "--group-by", "destination.port", "-n", "2"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                 COUNT  DESTINATION.PORT
                19,400  80
                   130  443
                19,530 of 40,068 events matched, top 2 of 3

                """)
        #expect(
            server.finish() == [
                RuleReplies.request(
                    "logs.query", #"{"groupBy":["destination.port"],"limit":2,"where":"\#(query)"}"#)
            ])
    }

    @Test func eventsAreShownAsTheirNativeLines() throws {
        let result: JSONValue = [
            "scanned": 10, "matched": 5,
            "events": [
                [
                    "sequence": 7, "tick": 38, "source": "web.access", "ecs": [:],
                    "line": "198.51.100.238 - - [14/May/2024:09:00:03 +0000] \"GET / HTTP/1.1\" 503 299",
                ]
            ],
        ]
        let server = try rulesServer(["logs.query": result])
        let run = RulesRun(["--socket", server.socketPath, "hunt", "http.response.status_code=503", "-n", "1"])
        #expect(
            run.standardOutput == """
                TICK  SOURCE      LINE
                  38  web.access  198.51.100.238 - - [14/May/2024:09:00:03 +0000] "GET / HTTP/1.1" 503 299
                5 of 10 events matched, showing 1

                """)
        _ = server.finish()
    }

    @Test func aQueryThatDoesNotParseShowsTheCaret() throws {
        let diagnostic = "unexpected 'and' at column 5; expected a value\na = and\n    ^^^"
        let error = RPCError(
            code: -32602, message: "Invalid params: where: unexpected 'and'",
            data: ["kind": "invalidParams", "field": "where", "column": 5, "diagnostic": .string(diagnostic)])
        let server = try rulesServer([:], errors: ["logs.query": error])
        let run = RulesRun(["--socket", server.socketPath, "hunt", "a = and"])
        #expect(run.status == .failure)
        #expect(run.standardError.contains("invalid query: " + diagnostic))
        _ = server.finish()
    }
}
