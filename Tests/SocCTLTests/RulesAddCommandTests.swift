import JSONRPC
import SocCTL
import Testing

@Suite struct RulesAddCommandTests {
    static let created: JSONValue = ["outcome": "created", "rule": RuleReplies.rule(id: 3, position: 3)]

    @Test func theRoomsPositionalFormSendsTheFieldsInTableOrder() throws {
        let server = try rulesServer(["rules.add": Self.created])
        let run = RulesRun([
            "--socket", server.socketPath, "rules", "add", "198.51.100.7", "10.0.0.10", "ANY", "80", "DROP",
        ])
        #expect(run.status == .success)
        #expect(run.standardOutput == "added rule 3 at position 3: 198.51.100.7 → 10.0.0.10 dport 80 DROP\n")
        #expect(run.standardError == "")
        #expect(
            server.finish() == [
                RuleReplies.request(
                    "rules.add", #"{"action":"DROP","dport":80,"dst":"10.0.0.10","sport":"ANY","src":"198.51.100.7"}"#)
            ])
    }

    @Test func optionsSendEveryFieldWithNumericPortsAsNumbers() throws {
        let server = try rulesServer(["rules.add": Self.created])
        let run = RulesRun([
            "--socket", server.socketPath, "rules", "add", "--src", "198.51.100.7", "--dst", "10.0.0.10", "--dport",
            "80", "--sport", "1000-2000", "--proto", "tcp", "--action", "drop", "--ttl", "1h", "--comment",
            "web attacker", "--position", "2",
        ])
        #expect(run.status == .success)
        #expect(
            server.finish() == [
                RuleReplies.request(
                    "rules.add",
                    #"{"action":"drop","comment":"web attacker","dport":80,"dst":"10.0.0.10","position":2,"proto":"tcp","sport":"1000-2000","src":"198.51.100.7","ttl":"1h"}"#
                )
            ])
    }

    @Test(arguments: [
        ("80", "80"), ("0", "0"), ("70000", "70000"), ("ANY", #""ANY""#), ("http", #""http""#),
        ("1000-2000", #""1000-2000""#), ("-5", #""-5""#), ("+80", #""+80""#), ("", #""""#),
    ])
    func portsAreNumbersOnlyWhenAllDigits(typed: String, sent: String) throws {
        let server = try rulesServer(["rules.add": Self.created])
        _ = RulesRun(["--socket", server.socketPath, "rules", "add", "--dport=\(typed)", "--action", "DROP"])
        #expect(server.finish() == [RuleReplies.request("rules.add", #"{"action":"DROP","dport":\#(sent)}"#)])
    }

    @Test func secondsOfLifetimeAreANumber() throws {
        let server = try rulesServer(["rules.add": Self.created])
        _ = RulesRun(["--socket", server.socketPath, "rules", "add", "--action", "ACCEPT", "--ttl", "3600"])
        #expect(server.finish() == [RuleReplies.request("rules.add", #"{"action":"ACCEPT","ttl":3600}"#)])
    }

    @Test func positionalAndOptionFieldsMayBeCombined() throws {
        let server = try rulesServer(["rules.add": Self.created])
        let run = RulesRun([
            "--socket", server.socketPath, "rules", "add", "198.51.100.7", "10.0.0.10", "--dport", "443", "--action",
            "REJECT",
        ])
        #expect(run.status == .success)
        #expect(
            server.finish() == [
                RuleReplies.request(
                    "rules.add", #"{"action":"REJECT","dport":443,"dst":"10.0.0.10","src":"198.51.100.7"}"#)
            ])
    }

    @Test func aRuleWithALifetimeSaysWhenItExpires() throws {
        let rule = RuleReplies.rule(id: 4, position: 1, expiresAt: RuleReplies.fromNow(seconds: 3600))
        let server = try rulesServer(["rules.add": ["outcome": "created", "rule": rule]])
        let run = RulesRun([
            "--socket", server.socketPath, "rules", "add", "198.51.100.7", "10.0.0.10", "ANY", "80", "DROP", "--ttl",
            "1h", "--position", "1",
        ])
        #expect(
            run.standardOutput == "added rule 4 at position 1: 198.51.100.7 → 10.0.0.10 dport 80 DROP (expires in 1h)\n"
        )
        _ = server.finish()
    }

    @Test func anIdenticalRuleIsReportedAsExtended() throws {
        let rule = RuleReplies.rule(id: 3, position: 3, expiresAt: RuleReplies.fromNow(seconds: 3600))
        let server = try rulesServer(connections: 2, ["rules.add": ["outcome": "extended", "rule": rule]])
        let arguments = [
            "--socket", server.socketPath, "rules", "add", "198.51.100.7", "10.0.0.10", "ANY", "80", "DROP",
        ]
        let run = RulesRun(arguments + ["--ttl", "1h"])
        #expect(run.status == .success)
        #expect(run.standardOutput == "extended rule 3 (expires in 1h)\n")
        let json = RulesRun(arguments + ["--json"])
        #expect(try JSONValue(parsing: json.standardOutput.dropLast().utf8) == ["outcome": "extended", "rule": rule])
        #expect(json.standardOutput.filter { $0 == "\n" }.count == 1)
        _ = server.finish()
    }

    @Test func otherRulesAreDescribedWithProtocolAndSourcePorts() throws {
        let rule = RuleReplies.rule(
            id: 7, position: 2, src: "203.0.113.0/24", dst: "ANY", sport: "1000-2000", dport: "ANY", proto: "tcp",
            action: "ACCEPT")
        let server = try rulesServer(["rules.add": ["outcome": "created", "rule": rule]])
        let run = RulesRun(["--socket", server.socketPath, "rules", "add", "203.0.113.0/24", "--action", "pass"])
        #expect(run.standardOutput == "added rule 7 at position 2: 203.0.113.0/24 → ANY tcp sport 1000-2000 ACCEPT\n")
        _ = server.finish()
    }

    @Test func theDaemonsValidationErrorExits1WithItsMessage() throws {
        let invalid = RPCError(
            code: RPCErrorCode.invalidParams, message: "Invalid params: dport: 70000 is outside 0-65535",
            data: ["field": "dport"])
        let server = try rulesServer([:], errors: ["rules.add": invalid])
        let run = RulesRun([
            "--socket", server.socketPath, "rules", "add", "198.51.100.7", "10.0.0.10", "ANY", "70000", "DROP",
        ])
        #expect(run.status.rawValue == 1)
        #expect(run.standardOutput == "")
        #expect(run.standardError == "socctl: Invalid params: dport: 70000 is outside 0-65535\n")
        #expect(server.finish().first?.contains(#""dport":70000"#) == true)
    }

    @Test(arguments: [
        (
            ["198.51.100.7", "--src", "198.51.100.8", "--action", "DROP"],
            "socctl: SRC was given both as an argument and as '--src'"
        ),
        (
            ["198.51.100.7", "10.0.0.10", "ANY", "80", "DROP", "--action", "ACCEPT"],
            "socctl: ACTION was given both as an argument and as '--action'"
        ),
        (
            ["198.51.100.7", "10.0.0.10"],
            "socctl: missing the action: give --action ACCEPT|DROP|REJECT, or ACTION as the fifth argument"
        ),
        (["1", "2", "3", "4", "DROP", "extra"], "socctl: unexpected argument 'extra'"),
        (
            ["--action", "DROP", "--position", "first"],
            "socctl: invalid value 'first' for '--position': expected an integer"
        ),
    ])
    func mistakesAreUsageErrorsBeforeConnecting(arguments: [String], message: String) {
        let run = RulesRun(["--socket", "/nonexistent/socd.sock", "rules", "add"] + arguments)
        #expect(run.status.rawValue == 64)
        #expect(run.standardOutput == "")
        #expect(run.standardError == message + "\nTry 'socctl rules add --help'.\n")
    }

    @Test func helpShowsTheRoomsExample() {
        let run = RulesRun(["rules", "add", "--help"])
        #expect(run.status == .success)
        #expect(
            run.standardOutput.hasPrefix("Usage: socctl rules add [OPTIONS] [SRC] [DST] [SPORT] [DPORT] [ACTION]\n"))
        #expect(run.standardOutput.contains("    socctl rules add 198.51.100.7 10.0.0.10 ANY 80 DROP\n"))
    }
}
