import JSONRPC
import SocCTL
import SocPOSIX
import SocProtocol
import Testing

@Suite struct RulesListCommandTests {
    /// Three rules as socd lists them: the room's rule, one with a lifetime of 30 minutes (and
    /// a little more, so the display does not flip to 29m while the test runs), and a partner rule
    /// with a long comment.
    static func page(total: Int = 3, policy: String = "ACCEPT") -> JSONValue {
        [
            "rules": [
                RuleReplies.rule(id: 1, position: 1, hits: 1234),
                RuleReplies.rule(
                    id: 5, position: 2, src: "198.51.100.0/24", dport: "8000-8080", proto: "tcp", action: "REJECT",
                    comment: "scanners", expiresAt: RuleReplies.fromNow(seconds: 30 * 60 + 30)),
                RuleReplies.rule(
                    id: 4, position: 3, src: "203.0.113.9", dst: "ANY", sport: 53, dport: "ANY", proto: "udp",
                    action: "ACCEPT", comment: "partner resolver, agreed with their NOC in ticket 4411"),
            ],
            "total": .int(total), "policy": .string(policy),
        ]
    }

    @Test func theTableHasTheRoomsColumnsAndAFooter() throws {
        let server = try rulesServer(["rules.list": Self.page()])
        let run = RulesRun(["--socket", server.socketPath, "rules", "list"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                #  ID  SOURCE           DESTINATION  SPORT  DPORT      PROTO  ACTION   HITS  EXPIRES  COMMENT
                1   1  198.51.100.7     10.0.0.10    ANY    80         any    DROP    1,234  -
                2   5  198.51.100.0/24  10.0.0.10    ANY    8000-8080  tcp    REJECT      0  in 30m   scanners
                3   4  203.0.113.9      ANY          53     ANY        udp    ACCEPT      0  -        partner resolver, agreed with their NOC in ticket 4411
                3 rules, default policy ACCEPT

                """)
        #expect(server.finish() == [RuleReplies.request("rules.list", "{}")])
    }

    @Test func theCommentGivesWayToFitTheTerminal() throws {
        let server = try rulesServer(["rules.list": Self.page()])
        let run = RulesRun(["--socket", server.socketPath, "rules", "list"], columns: 110)
        #expect(
            run.standardOutput == """
                #  ID  SOURCE           DESTINATION  SPORT  DPORT      PROTO  ACTION   HITS  EXPIRES  COMMENT
                1   1  198.51.100.7     10.0.0.10    ANY    80         any    DROP    1,234  -
                2   5  198.51.100.0/24  10.0.0.10    ANY    8000-8080  tcp    REJECT      0  in 30m   scanners
                3   4  203.0.113.9      ANY          53     ANY        udp    ACCEPT      0  -        partner resolver, agree…
                3 rules, default policy ACCEPT

                """)
        #expect(run.standardOutput.split(separator: "\n").map { TextWidth.of(String($0)) }.max() == 110)
        _ = server.finish()
    }

    @Test func theActionIsColouredOnlyWhenColourIsOn() throws {
        let server = try rulesServer(connections: 2, ["rules.list": Self.page()])
        let plain = RulesRun(["--socket", server.socketPath, "rules", "list"])
        #expect(!plain.standardOutput.contains("\u{1B}"))
        let coloured = RulesRun(["--socket", server.socketPath, "rules", "list"], color: true)
        let lines = coloured.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[1].contains("  \u{1B}[31mDROP\u{1B}[0m  "))
        #expect(lines[2].contains("  \u{1B}[31mREJECT\u{1B}[0m  "))
        #expect(lines[3].contains("  \u{1B}[32mACCEPT\u{1B}[0m  "))
        // Escape sequences take no columns: the coloured table lines up like the plain one.
        let plainLines = plain.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.map { TextWidth.of($0) } == plainLines.map { TextWidth.of($0) })
        _ = server.finish()
    }

    @Test func filtersAndPagingAreSentAndAPageSaysWhichRulesItShows() throws {
        let server = try rulesServer(["rules.list": Self.page(total: 2345, policy: "DROP")])
        let run = RulesRun([
            "--socket", server.socketPath, "rules", "list", "--src", "198.51.100.7", "--dst", "10.0.0.0/24", "--port",
            "80", "--action", "drop", "--comment", "web", "--limit", "3", "--offset", "100",
        ])
        #expect(run.status == .success)
        #expect(run.standardOutput.hasSuffix("\nshowing 101-103 of 2,345 rules, default policy DROP\n"))
        #expect(
            server.finish() == [
                RuleReplies.request(
                    "rules.list",
                    #"{"action":"drop","comment":"web","dst":"10.0.0.0/24","limit":3,"offset":100,"port":80,"src":"198.51.100.7"}"#
                )
            ])
    }

    @Test(arguments: [
        (0, 0, 0, "0 rules, default policy ACCEPT"),
        (1, 1, 0, "1 rule, default policy ACCEPT"),
        (0, 12, 50, "showing none of 12 rules (offset 50), default policy ACCEPT"),
        (2, 1500, 0, "showing 1-2 of 1,500 rules, default policy ACCEPT"),
    ])
    func theFooterCountsTheRules(shown: Int, total: Int, offset: Int, footer: String) {
        let rules = (0..<shown).map { index in
            RuleInfo(
                id: index + 1, position: index + 1, src: "ANY", dst: "ANY", sport: "ANY", dport: "ANY", proto: "any",
                action: "DROP", comment: "", expiresAt: nil, createdAt: "2026-12-04T10:00:00.000Z", hits: 0)
        }
        #expect(RulesTable.footer(.init(rules: rules, total: total, policy: "ACCEPT"), offset: offset) == footer)
    }

    @Test func anEmptyTableIsOnlyTheFooter() throws {
        let server = try rulesServer(["rules.list": ["rules": [], "total": 0, "policy": "ACCEPT"]])
        let run = RulesRun(["--socket", server.socketPath, "rules", "list"])
        #expect(run.standardOutput == "0 rules, default policy ACCEPT\n")
        _ = server.finish()
    }

    @Test(
        arguments: [
            (nil, "-"), (-5, "expired"), (0, "expired"), (59, "in 59s"), (3600, "in 1h"), (3599, "in 59m"),
            (86_400 * 2 + 5, "in 2d"),
        ] as [(Int64?, String)])
    func expiriesAreRelativeToNow(offsetSeconds: Int64?, shown: String) {
        let now: Int64 = 1_800_000_000_000
        let expiresAt = offsetSeconds.map { ISO8601.format(milliseconds: now + $0 * 1000) }
        #expect(RulesText.expiry(expiresAt, now: now) == shown)
    }

    @Test func jsonIsTheResultOnOneLine() throws {
        let page = Self.page()
        let server = try rulesServer(["rules.list": page])
        let run = RulesRun(["--socket", server.socketPath, "rules", "list", "--json"])
        #expect(run.standardOutput == page.serializedString + "\n")
        _ = server.finish()
    }

    @Test func aNonNumericPortOrLimitIsAUsageError() {
        let port = RulesRun(["--socket", "/nonexistent", "rules", "list", "--port", "http"])
        #expect(port.status == .usage)
        #expect(port.standardError.hasPrefix("socctl: invalid value 'http' for '--port': expected an integer\n"))
        let limit = RulesRun(["--socket", "/nonexistent", "rules", "list", "-n", "many"])
        #expect(limit.status == .usage)
    }

    @Test func showPrintsEveryField() throws {
        let rule = RuleReplies.rule(id: 5, position: 2, comment: "web", expiresAt: "2026-12-04T11:00:00.000Z", hits: 42)
        let server = try rulesServer(connections: 2, ["rules.get": rule])
        let run = RulesRun(["--socket", server.socketPath, "rules", "show", "5"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput == """
                id           5
                position     2
                source       198.51.100.7
                destination  10.0.0.10
                source port  ANY
                dest port    80
                protocol     any
                action       DROP
                comment      web
                hits         42
                created      2026-12-04T10:00:00.000Z
                expires      2026-12-04T11:00:00.000Z (expired)

                """)
        let json = RulesRun(["--socket", server.socketPath, "rules", "show", "5", "--json"])
        #expect(json.standardOutput == rule.serializedString + "\n")
        #expect(server.finish() == Array(repeating: RuleReplies.request("rules.get", #"{"id":5}"#), count: 2))
    }
}
