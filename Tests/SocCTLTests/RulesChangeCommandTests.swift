import JSONRPC
import SocCTL
import Testing

/// rm, mv, update, clear, check and policy against a fake daemon.
@Suite struct RulesChangeCommandTests {
    static let notFound = RPCError(
        code: RPCErrorCode.notFound, message: "no firewall rule 99", data: ["kind": "notFound"])

    @Test func rmDeletesEachIdOnOneConnectionAndReportsTheMissingOnes() throws {
        let server = try FakeServer { request, _ in
            let id = request["params"]?["id"]?.intValue ?? 0
            if id == 99 { return .lines(FakeServer.error(Self.notFound, for: request)) }
            return .lines(FakeServer.result(["deleted": [.int(id)]], for: request))
        }
        let run = RulesRun(["--socket", server.socketPath, "rules", "rm", "3", "99", "5"])
        #expect(run.status.rawValue == 1)
        #expect(run.standardOutput == "deleted 2 rules: 3, 5\n")
        #expect(run.standardError == "socctl: no firewall rule 99\n")
        #expect(
            server.finish() == [
                RuleReplies.request("rules.delete", #"{"id":3}"#, id: 1),
                RuleReplies.request("rules.delete", #"{"id":99}"#, id: 2),
                RuleReplies.request("rules.delete", #"{"id":5}"#, id: 3),
            ])
    }

    @Test func rmOfOneIdWithJSONPrintsTheDeletedIds() throws {
        let server = try rulesServer(connections: 2, ["rules.delete": ["deleted": [3]]])
        #expect(RulesRun(["--socket", server.socketPath, "rules", "rm", "3"]).standardOutput == "deleted rule 3\n")
        let json = RulesRun(["--socket", server.socketPath, "rules", "rm", "3", "--json"])
        #expect(json.status == .success)
        #expect(json.standardOutput == #"{"deleted":[3]}"# + "\n")
        _ = server.finish()
    }

    @Test func rmByMatchSendsTheFieldsGiven() throws {
        let server = try rulesServer(["rules.delete": ["deleted": [1, 4]]])
        let run = RulesRun([
            "--socket", server.socketPath, "rules", "rm", "--src", "198.51.100.7", "--dport", "80", "--proto", "tcp",
        ])
        #expect(run.status == .success)
        #expect(run.standardOutput == "deleted 2 rules: 1, 4\n")
        #expect(
            server.finish() == [
                RuleReplies.request("rules.delete", #"{"dport":80,"proto":"tcp","src":"198.51.100.7"}"#)
            ])
    }

    @Test(arguments: [
        ([], "socctl: give the IDs of the rules to delete, or fields to match such as --src ADDRESS"),
        (["3", "--src", "198.51.100.7"], "socctl: give either IDs or match fields (--src), not both"),
        (["three"], "socctl: invalid value 'three' for ID: expected a rule id (a positive integer)"),
        (["0"], "socctl: invalid value '0' for ID: expected a rule id (a positive integer)"),
    ])
    func rmMistakesAreUsageErrors(arguments: [String], message: String) {
        let run = RulesRun(["--socket", "/nonexistent", "rules", "rm"] + arguments)
        #expect(run.status == .usage)
        #expect(run.standardError == message + "\nTry 'socctl rules rm --help'.\n")
    }

    @Test func mvMovesAndSaysWhere() throws {
        let rule = RuleReplies.rule(id: 7, position: 1)
        let server = try rulesServer(["rules.move": rule])
        let run = RulesRun(["--socket", server.socketPath, "rules", "mv", "7", "1"])
        #expect(run.standardOutput == "moved rule 7 to position 1: 198.51.100.7 → 10.0.0.10 dport 80 DROP\n")
        #expect(server.finish() == [RuleReplies.request("rules.move", #"{"id":7,"position":1}"#)])
    }

    @Test func mvOfAMissingRuleExits1() throws {
        let server = try rulesServer([:], errors: ["rules.move": Self.notFound])
        let run = RulesRun(["--socket", server.socketPath, "rules", "mv", "99", "1"])
        #expect(run.status == .failure)
        #expect(run.standardError == "socctl: no firewall rule 99\n")
        _ = server.finish()
    }

    @Test func updateSendsOnlyTheFieldsGiven() throws {
        let rule = RuleReplies.rule(
            id: 3, position: 2, action: "REJECT", expiresAt: RuleReplies.fromNow(seconds: 4 * 3600))
        let server = try rulesServer(["rules.update": rule])
        let run = RulesRun([
            "--socket", server.socketPath, "rules", "update", "3", "--ttl", "4h", "--action", "reject", "--sport",
            "1024",
        ])
        #expect(run.status == .success)
        #expect(
            run.standardOutput
                == "updated rule 3 at position 2: 198.51.100.7 → 10.0.0.10 dport 80 REJECT (expires in 4h)\n")
        #expect(
            server.finish() == [
                RuleReplies.request("rules.update", #"{"action":"reject","id":3,"sport":1024,"ttl":"4h"}"#)
            ])
    }

    @Test func updateWithNothingToChangeIsAUsageError() {
        let run = RulesRun(["--socket", "/nonexistent", "rules", "update", "3"])
        #expect(run.status == .usage)
        #expect(
            run.standardError.hasPrefix(
                "socctl: nothing to change: give at least one of --src, --dst, --sport, --dport, --proto, --action, --comment, --ttl\n"
            ))
    }

    @Test func clearNeedsYes() throws {
        let refused = RulesRun(["--socket", "/nonexistent", "rules", "clear"])
        #expect(refused.status.rawValue == 64)
        #expect(
            refused.standardError
                == "socctl: 'rules clear' deletes every rule; add --yes to confirm\nTry 'socctl rules clear --help'.\n")
        let server = try rulesServer(connections: 2, ["rules.clear": ["deleted": 12]])
        let run = RulesRun(["--socket", server.socketPath, "rules", "clear", "--yes"])
        #expect(run.standardOutput == "deleted 12 rules\n")
        let json = RulesRun(["--socket", server.socketPath, "rules", "clear", "-y", "--json"])
        #expect(json.standardOutput == #"{"deleted":12}"# + "\n")
        #expect(server.finish() == Array(repeating: RuleReplies.request("rules.clear", #"{"confirm":true}"#), count: 2))
    }

    @Test func checkNamesTheRuleThatDecided() throws {
        let result: JSONValue = [
            "verdict": "DROP", "rule": RuleReplies.rule(id: 1, position: 1), "decidedBy": "rule 1 at position 1",
        ]
        let server = try rulesServer(connections: 2, ["rules.check": result])
        let run = RulesRun(["--socket", server.socketPath, "rules", "check", "198.51.100.7", "10.0.0.10", "80"])
        #expect(run.status == .success)
        #expect(run.standardOutput == "DROP by rule 1 (position 1): 198.51.100.7 → 10.0.0.10 dport 80\n")
        let json = RulesRun([
            "--socket", server.socketPath, "rules", "check", "198.51.100.7", "10.0.0.10", "--sport", "5353", "--proto",
            "udp", "--json",
        ])
        #expect(json.standardOutput == result.serializedString + "\n")
        #expect(
            server.finish() == [
                RuleReplies.request("rules.check", #"{"dport":80,"dst":"10.0.0.10","src":"198.51.100.7"}"#),
                RuleReplies.request(
                    "rules.check", #"{"dst":"10.0.0.10","proto":"udp","sport":5353,"src":"198.51.100.7"}"#),
            ])
    }

    @Test func checkDecidedByThePolicySaysSo() throws {
        let server = try rulesServer(["rules.check": ["verdict": "ACCEPT", "decidedBy": "default policy"]])
        let run = RulesRun(["--socket", server.socketPath, "rules", "check", "203.0.113.1", "10.0.0.10"], color: true)
        #expect(run.standardOutput == "\u{1B}[32mACCEPT\u{1B}[0m by the default policy\n")
        _ = server.finish()
    }

    @Test func checkNeedsANumericPort() {
        let run = RulesRun(["--socket", "/nonexistent", "rules", "check", "1.2.3.4", "10.0.0.10", "http"])
        #expect(run.status == .usage)
        #expect(run.standardError.hasPrefix("socctl: invalid value 'http' for DPORT: expected an integer\n"))
        let missing = RulesRun(["--socket", "/nonexistent", "rules", "check", "1.2.3.4"])
        #expect(missing.status == .usage)
        #expect(missing.standardError.hasPrefix("socctl: missing the destination address: give DST or --dst\n"))
    }

    @Test func checkTakesTheAddressesAndPortAsOptionsToo() throws {
        let result: JSONValue = ["verdict": "ACCEPT", "decidedBy": "default policy"]
        let server = try rulesServer(["rules.check": result])
        let run = RulesRun([
            "--socket", server.socketPath, "rules", "check", "--src", "198.51.100.7", "--dst", "10.0.0.10", "--dport",
            "443",
        ])
        #expect(run.status == .success)
        #expect(
            server.finish() == [
                RuleReplies.request("rules.check", #"{"dport":443,"dst":"10.0.0.10","src":"198.51.100.7"}"#)
            ])
        let twice = RulesRun([
            "--socket", "/nonexistent", "rules", "check", "198.51.100.7", "10.0.0.10", "80", "--dport", "443",
        ])
        #expect(twice.status == .usage)
        #expect(twice.standardError.hasPrefix("socctl: DPORT was given both as an argument and as '--dport'\n"))
        let bothSources = RulesRun(["--socket", "/nonexistent", "rules", "check", "1.2.3.4", "--src", "1.2.3.5"])
        #expect(bothSources.standardError.hasPrefix("socctl: SRC was given both as an argument and as '--src'\n"))
    }

    @Test func policyShowsAndSets() throws {
        let server = try rulesServer(
            connections: 4,
            [
                "rules.list": ["rules": [], "total": 0, "policy": "ACCEPT"],
                "rules.setPolicy": ["previous": "ACCEPT", "policy": "DROP"],
            ])
        #expect(RulesRun(["--socket", server.socketPath, "rules", "policy"]).standardOutput == "ACCEPT\n")
        let showJSON = RulesRun(["--socket", server.socketPath, "rules", "policy", "--json"])
        #expect(showJSON.standardOutput == #"{"policy":"ACCEPT"}"# + "\n")
        let set = RulesRun(["--socket", server.socketPath, "rules", "policy", "drop"])
        #expect(set.standardOutput == "default policy changed from ACCEPT to DROP\n")
        let setJSON = RulesRun(["--socket", server.socketPath, "rules", "policy", "DROP", "-j"])
        #expect(setJSON.standardOutput == #"{"policy":"DROP","previous":"ACCEPT"}"# + "\n")
        #expect(
            server.finish() == [
                RuleReplies.request("rules.list", #"{"limit":1}"#), RuleReplies.request("rules.list", #"{"limit":1}"#),
                RuleReplies.request("rules.setPolicy", #"{"policy":"drop"}"#),
                RuleReplies.request("rules.setPolicy", #"{"policy":"DROP"}"#),
            ])
    }

    @Test func anUnknownPolicyIsTheDaemonsToRefuse() throws {
        let invalid = RPCError(
            code: RPCErrorCode.invalidParams,
            message: #"Invalid params: policy: "PERMIT" is not one of ACCEPT, DROP, REJECT (PASS means ACCEPT)"#)
        let server = try rulesServer([:], errors: ["rules.setPolicy": invalid])
        let run = RulesRun(["--socket", server.socketPath, "rules", "policy", "PERMIT"])
        #expect(run.status == .failure)
        #expect(run.standardError == "socctl: \(invalid.message)\n")
        _ = server.finish()
    }

    @Test func everyRulesCommandHasHelpWithExamples() {
        for name in ["list", "show", "add", "rm", "mv", "update", "check", "policy", "clear", "export", "import"] {
            let help = RulesRun(["rules", name, "--help"])
            #expect(help.status == .success, "rules \(name)")
            #expect(help.standardOutput.hasPrefix("Usage: socctl rules \(name) "), "rules \(name)")
            #expect(help.standardOutput.contains("\nExamples:\n"), "rules \(name)")
            #expect(help.standardOutput.contains("    socctl rules \(name)"), "rules \(name)")
        }
    }

    @Test func completionsOfferTheRulesCommands() {
        let run = RulesRun(["completions", "bash"])
        #expect(run.status == .success)
        #expect(run.standardOutput.contains("check"))
        #expect(run.standardOutput.contains("iptables-restore"))
    }
}
