import JSONRPC
import Testing

@testable import SocDaemon

/// `rules.add` and `rules.addMany` through the dispatcher: validation with exact messages,
/// canonical output, positions, extension of identical rules, atomicity.
@Suite("rules.add and rules.addMany")
struct RulesAddTests {
    @Test func addsTheRoomsRuleAndShowsItCanonically() throws {
        let daemon = try RulesTestDaemon()
        let result = try daemon.call(
            "rules.add", ["src": "198.51.100.7", "dst": "10.0.0.10", "sport": "ANY", "dport": 80, "action": "drop"])
        #expect(result["outcome"] == "created")
        let rule = try #require(result["rule"])
        #expect(rule["id"]?.intValue ?? 0 > 0)
        #expect(rule["position"] == 1)
        #expect(rule["src"] == "198.51.100.7")
        #expect(rule["dst"] == "10.0.0.10")
        #expect(rule["sport"] == "ANY")
        #expect(rule["dport"] == 80)
        #expect(rule["proto"] == "any")
        #expect(rule["action"] == "DROP")
        #expect(rule["comment"] == "")
        #expect(rule["hits"] == 0)
        #expect(rule["expiresAt"] == nil)
        #expect(rule["createdAt"]?.stringValue?.hasSuffix("Z") == true)
        #expect(try daemon.rules() == [rule])
    }

    /// Input in any case and spelling; output in one canonical form.
    static let canonicalCases: [RulesCanonicalCase] = [
        RulesCanonicalCase(["src": "10.0.0.7/24", "action": "Pass"], "src", "10.0.0.0/24"),
        RulesCanonicalCase(["src": "*", "action": "drop"], "src", "ANY"),
        RulesCanonicalCase(["src": "any", "action": "drop"], "src", "ANY"),
        RulesCanonicalCase(["dst": "0.0.0.0/0", "action": "drop"], "dst", "ANY"),
        RulesCanonicalCase(["dst": "192.0.2.9/32", "action": "drop"], "dst", "192.0.2.9"),
        RulesCanonicalCase(["dport": "443", "action": "drop"], "dport", 443),
        RulesCanonicalCase(["dport": "1000:2000", "action": "drop"], "dport", "1000-2000"),
        RulesCanonicalCase(["sport": "7-7", "action": "drop"], "sport", 7),
        RulesCanonicalCase(["sport": "*", "action": "drop"], "sport", "ANY"),
        RulesCanonicalCase(["proto": "TCP", "action": "drop"], "proto", "tcp"),
        RulesCanonicalCase(["proto": "*", "action": "drop"], "proto", "any"),
        RulesCanonicalCase(["action": "PASS"], "action", "ACCEPT"),
        RulesCanonicalCase(["action": "accept"], "action", "ACCEPT"),
        RulesCanonicalCase(["action": "ReJeCt"], "action", "REJECT"),
    ]

    @Test(arguments: canonicalCases)
    func acceptsAnySpellingAndAnswersCanonically(_ c: RulesCanonicalCase) throws {
        let daemon = try RulesTestDaemon()
        let rule = try daemon.add(c.params)
        #expect(rule[c.field] == c.shown)
    }

    /// Each bad field gets -32602 naming the field and saying what was wrong with the input.
    static let badFieldCases: [RulesBadFieldCase] = [
        RulesBadFieldCase(
            ["src": "10.0.0.300", "action": "drop"], "src", #""10.0.0.300" is not an IPv4 address or CIDR"#),
        RulesBadFieldCase(
            ["dst": "10.0.0.0/33", "action": "drop"], "dst", #""10.0.0.0/33" is not an IPv4 address or CIDR"#),
        RulesBadFieldCase(["dst": "", "action": "drop"], "dst", #""" is not an IPv4 address or CIDR"#),
        RulesBadFieldCase(["dport": 70000, "action": "drop"], "dport", "70000 is outside 0-65535"),
        RulesBadFieldCase(["dport": -1, "action": "drop"], "dport", "-1 is outside 0-65535"),
        RulesBadFieldCase(["sport": "90-80", "action": "drop"], "sport", #""90-80" is an empty range"#),
        RulesBadFieldCase(
            ["sport": "http", "action": "drop"], "sport",
            #""http" is not a port or range (use e.g. 80, "1000-2000", "any")"#),
        RulesBadFieldCase(
            ["action": "block"], "action", #""block" is not one of ACCEPT, DROP, REJECT (PASS means ACCEPT)"#),
        RulesBadFieldCase(["proto": "sctp", "action": "drop"], "proto", #""sctp" is not one of any, tcp, udp, icmp"#),
        RulesBadFieldCase(
            ["proto": "icmp", "dport": 80, "action": "drop"], "dport",
            "80 cannot be used with proto icmp, which has no ports"),
        RulesBadFieldCase(
            ["ttl": "soon", "action": "drop"], "ttl", #""soon" is not a duration (use e.g. 90, "30m", "4h", "1d")"#),
        RulesBadFieldCase(["ttl": 0, "action": "drop"], "ttl", "0 is not positive"),
        RulesBadFieldCase(
            ["comment": "two\nlines", "action": "drop"], "comment", "contains control characters (newlines, tabs, ...)"),
        RulesBadFieldCase(["position": 0, "action": "drop"], "position", "0 is below 1"),
        RulesBadFieldCase(["position": 2, "action": "drop"], "position", "2 is outside 1-1"),
    ]

    @Test(arguments: badFieldCases)
    func refusesABadFieldNamingIt(_ c: RulesBadFieldCase) throws {
        let (params, field, reason) = (c.params, c.field, c.reason)
        let daemon = try RulesTestDaemon()
        let error = try daemon.error("rules.add", params)
        #expect(error["code"] == -32602)
        #expect(error["message"]?.stringValue == "Invalid params: \(field): \(reason)")
        #expect(error["data"]?["field"]?.stringValue == field)
        #expect(error["data"]?["reason"]?.stringValue == reason)
        #expect(try daemon.rules().isEmpty, "a refused rule must not be stored")
    }

    @Test func refusesMissingActionAndUnknownFields() throws {
        let daemon = try RulesTestDaemon()
        let missing = try daemon.error("rules.add", ["src": "10.0.0.1"])
        #expect(missing["code"] == -32602)
        #expect(missing["data"]?["field"] == "action")
        let unknown = try daemon.error("rules.add", ["src": "10.0.0.1", "action": "drop", "port": 80])
        #expect(unknown["code"] == -32602)
        #expect(unknown["message"]?.stringValue?.contains("port") == true, "\(unknown)")
    }

    @Test func insertsAtAPositionAndShiftsTheRest() throws {
        let daemon = try RulesTestDaemon()
        let a = try daemon.add(["src": "10.0.0.1", "action": "drop"])
        let b = try daemon.add(["src": "10.0.0.2", "action": "drop"])
        let first = try daemon.add(["src": "10.0.0.3", "action": "drop", "position": 1])
        #expect(first["position"] == 1)
        let middle = try daemon.add(["src": "10.0.0.4", "action": "drop", "position": 3])
        #expect(middle["position"] == 3)
        let last = try daemon.add(["src": "10.0.0.5", "action": "drop", "position": 5])
        #expect(last["position"] == 5)
        let order = try daemon.rules().map { $0["src"]?.stringValue ?? "" }
        #expect(order == ["10.0.0.3", "10.0.0.1", "10.0.0.4", "10.0.0.2", "10.0.0.5"])
        #expect(try daemon.rules().map { $0["position"]?.intValue ?? 0 } == [1, 2, 3, 4, 5])
        #expect(try daemon.call("rules.get", ["id": a["id"]!])["position"] == 2)
        #expect(try daemon.call("rules.get", ["id": b["id"]!])["position"] == 4)
        let error = try daemon.error("rules.add", ["src": "10.0.0.6", "action": "drop", "position": 7])
        #expect(error["message"] == "Invalid params: position: 7 is outside 1-6")
    }

    /// An identical rule (same match and action, whatever its spelling) extends the one there.
    @Test func reAddingAnIdenticalRuleExtendsItAndNeverShortensIt() throws {
        let daemon = try RulesTestDaemon()
        let first = try daemon.call("rules.add", ["src": "198.51.100.7", "dport": 80, "action": "drop", "ttl": "1h"])
        #expect(first["outcome"] == "created")
        let id = try #require(first["rule"]?["id"])
        let oneHour = try #require(first["rule"]?["expiresAt"]?.stringValue)

        let longer = try daemon.call(
            "rules.add", ["src": "198.51.100.7/32", "dport": "80", "action": "DROP", "ttl": "2h", "comment": "again"])
        #expect(longer["outcome"] == "extended")
        #expect(longer["rule"]?["id"] == id)
        #expect(longer["rule"]?["comment"] == "again")
        let twoHours = try #require(longer["rule"]?["expiresAt"]?.stringValue)
        #expect(twoHours > oneHour)

        let shorter = try daemon.call(
            "rules.add", ["src": "198.51.100.7", "dport": 80, "action": "drop", "ttl": "30m"])
        #expect(shorter["outcome"] == "extended")
        #expect(shorter["rule"]?["expiresAt"]?.stringValue == twoHours, "re-adding must never shorten a rule")
        #expect(shorter["rule"]?["comment"] == "again", "an empty comment keeps the old one")

        let permanent = try daemon.call("rules.add", ["src": "198.51.100.7", "dport": 80, "action": "drop"])
        #expect(permanent["outcome"] == "extended")
        #expect(permanent["rule"]?["expiresAt"] == nil)

        let stillPermanent = try daemon.call(
            "rules.add", ["src": "198.51.100.7", "dport": 80, "action": "drop", "ttl": 60])
        #expect(stillPermanent["rule"]?["expiresAt"] == nil, "a permanent rule stays permanent")
        #expect(try daemon.rules().count == 1)

        // The same match with another action is another rule.
        let accept = try daemon.call("rules.add", ["src": "198.51.100.7", "dport": 80, "action": "accept"])
        #expect(accept["outcome"] == "created")
        #expect(try daemon.rules().count == 2)
    }

    @Test func extensionKeepsThePlaceEvenWhenAPositionIsGiven() throws {
        let daemon = try RulesTestDaemon()
        try daemon.add(["src": "10.0.0.1", "action": "drop"])
        let second = try daemon.add(["src": "10.0.0.2", "action": "drop"])
        let again = try daemon.call("rules.add", ["src": "10.0.0.2", "action": "drop", "position": 1])
        #expect(again["outcome"] == "extended")
        #expect(again["rule"]?["position"] == 2)
        #expect(again["rule"]?["id"] == second["id"])
    }

    @Test func addManyAddsInOrderAndCountsExtensions() throws {
        let daemon = try RulesTestDaemon()
        let existing = try daemon.add(["src": "10.0.0.9", "action": "drop"])
        let result = try daemon.call(
            "rules.addMany",
            [
                "rules": [
                    ["src": "10.0.0.1", "action": "drop"], ["src": "10.0.0.9", "action": "DROP", "ttl": "1h"],
                    ["src": "10.0.0.2", "dport": "22", "proto": "tcp", "action": "reject"],
                    ["src": "10.0.0.1", "action": "drop"],
                ]
            ])
        #expect(result["created"] == 2)
        #expect(result["extended"] == 2)
        let ids = try #require(result["ids"]?.arrayValue)
        #expect(ids.count == 4)
        #expect(ids[1] == existing["id"])
        #expect(ids[0] == ids[3])
        #expect(try daemon.rules().map { $0["src"]?.stringValue ?? "" } == ["10.0.0.9", "10.0.0.1", "10.0.0.2"])
        #expect(try daemon.rules()[0]["expiresAt"] == nil, "a permanent rule stays permanent")
    }

    /// All or nothing: one bad element adds nothing and the error names its index.
    @Test func addManyIsAtomicAndNamesTheBadElement() throws {
        let daemon = try RulesTestDaemon()
        try daemon.add(["src": "10.0.0.9", "action": "drop"])
        let error = try daemon.error(
            "rules.addMany",
            ["rules": [["src": "10.0.0.1", "action": "drop"], ["src": "10.0.0.2", "action": "allow"]]])
        #expect(error["code"] == -32602)
        #expect(
            error["message"]
                == #"Invalid params: rules[1].action: "allow" is not one of ACCEPT, DROP, REJECT (PASS means ACCEPT)"#)
        #expect(error["data"]?["field"] == "rules[1].action")
        let third = try daemon.error(
            "rules.addMany",
            ["rules": [["action": "drop"], ["action": "drop"], ["dport": 70000, "action": "drop"]]])
        #expect(third["data"]?["field"] == "rules[2].dport")
        #expect(try daemon.rules().map { $0["src"]?.stringValue ?? "" } == ["10.0.0.9"])
    }
}

/// A rule given in some spelling, and how one field of it must be shown.
struct RulesCanonicalCase: Sendable, CustomStringConvertible {
    var params: JSONValue
    var field: String
    var shown: JSONValue
    init(_ params: JSONValue, _ field: String, _ shown: JSONValue) {
        self.params = params
        self.field = field
        self.shown = shown
    }
    var description: String { params.serializedString }
}

/// A rule with one bad field, the field and the reason the error must give.
struct RulesBadFieldCase: Sendable, CustomStringConvertible {
    var params: JSONValue
    var field: String
    var reason: String
    init(_ params: JSONValue, _ field: String, _ reason: String) {
        self.params = params
        self.field = field
        self.reason = reason
    }
    var description: String { params.serializedString }
}
