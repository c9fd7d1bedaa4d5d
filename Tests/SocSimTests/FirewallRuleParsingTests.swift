import Foundation
import Testing

@testable import SocSim

@Suite struct FirewallRuleParsingTests {
    private func error(_ spec: RuleSpec) -> String? {
        do {
            _ = try spec.validated(now: 0)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func everyFieldReportsItsOwnMistake() {
        #expect(
            error(RuleSpec(src: "10.0.0.300", action: "DROP")) == #"src: "10.0.0.300" is not an IPv4 address or CIDR"#)
        #expect(
            error(RuleSpec(dst: "10.0.0.0/33", action: "DROP")) == #"dst: "10.0.0.0/33" is not an IPv4 address or CIDR"#
        )
        #expect(error(RuleSpec(dport: 70000, action: "DROP")) == "dport: 70000 is outside 0-65535")
        #expect(error(RuleSpec(dport: -1, action: "DROP")) == "dport: -1 is outside 0-65535")
        #expect(error(RuleSpec(dport: "70000", action: "DROP")) == #"dport: "70000" is outside 0-65535"#)
        #expect(error(RuleSpec(sport: "90-80", action: "DROP")) == #"sport: "90-80" is an empty range"#)
        #expect(
            error(RuleSpec(sport: "http", action: "DROP"))
                == #"sport: "http" is not a port or range (use e.g. 80, "1000-2000", "any")"#)
        #expect(
            error(RuleSpec(dport: .real(80.5), action: "DROP"))
                == #"dport: 80.5 is not a port or range (use e.g. 80, "1000-2000", "any")"#)
        #expect(
            error(RuleSpec(action: "BLOCK"))
                == #"action: "BLOCK" is not one of ACCEPT, DROP, REJECT (PASS means ACCEPT)"#)
        #expect(error(RuleSpec()) == "action: is required (one of ACCEPT, DROP, REJECT)")
        #expect(error(RuleSpec(proto: "sctp", action: "DROP")) == #"proto: "sctp" is not one of any, tcp, udp, icmp"#)
        #expect(
            error(RuleSpec(action: "DROP", ttl: "4x"))
                == #"ttl: "4x" is not a duration (use e.g. 90, "30m", "4h", "1d")"#)
        #expect(error(RuleSpec(action: "DROP", ttl: 0)) == "ttl: 0 is not positive")
        #expect(error(RuleSpec(action: "DROP", ttl: "400d")) == #"ttl: "400d" is longer than 365d"#)
        #expect(
            error(RuleSpec(dport: 80, proto: "icmp", action: "DROP"))
                == "dport: 80 cannot be used with proto icmp, which has no ports")
        #expect(
            error(RuleSpec(action: "DROP", comment: "two\nlines"))
                == "comment: contains control characters (newlines, tabs, ...)")
        #expect(
            error(RuleSpec(action: "DROP", comment: String(repeating: "x", count: 300)))
                == "comment: is 300 bytes long, more than the limit of 256")
    }

    @Test func fieldsAreCheckedInTableOrder() {
        #expect(error(RuleSpec(src: "nope", dport: 99999, action: "BLOCK"))?.hasPrefix("src:") == true)
    }

    @Test func inputIsCaseInsensitiveAndWildcardsAreAny() throws {
        let draft = try RuleSpec(src: "*", dst: "any", sport: "ANY", dport: "Any", proto: "TCP", action: "pass")
            .validated(now: 5)
        #expect(draft.match == RuleMatchKey(proto: .tcp, action: .accept))
        #expect(draft.createdAt == 5 && draft.expiresAt == nil && draft.comment == "")
        #expect(try RuleSpec(src: "0.0.0.0/0", action: "drop").validatedMatch().source == .any)
    }

    @Test func portsAcceptNumbersAndStrings() throws {
        #expect(try PortMatch.parse(80, field: "dport") == .port(80))
        #expect(try PortMatch.parse("80", field: "dport") == .port(80))
        #expect(try PortMatch.parse("1000-2000", field: "dport") == .range(1000, 2000))
        #expect(try PortMatch.parse("1000:2000", field: "dport") == .range(1000, 2000))
        #expect(try PortMatch.parse("0-65535", field: "dport") == .range(0, 65535))
        #expect(try PortMatch.parse("*", field: "dport") == .any)
    }

    @Test(arguments: [
        (RuleFieldValue.integer(90), Int64(90)), ("90", 90), ("90s", 90), ("30m", 1800), ("4h", 14_400),
        ("1d", 86_400), ("1h30m", 5400), ("1D2H", 93_600), (.real(60), 60), ("365d", 31_536_000),
    ])
    func durationsParse(input: RuleFieldValue, seconds: Int64) throws {
        #expect(try RuleTimeToLive.parse(input).seconds == seconds)
    }

    @Test(arguments: ["", "h", "1h30", "1.5h", "-5m", "4 h", "99999999999999999999d"] as [RuleFieldValue])
    func malformedOrOutOfRangeDurationsAreRefused(input: RuleFieldValue) {
        #expect(throws: RuleFieldError.self) {
            _ = try RuleTimeToLive.parse(input)
        }
    }

    @Test func ttlSetsExpiryFromNow() throws {
        let draft = try RuleSpec(action: "DROP", ttl: "4h").validated(now: 1_000)
        #expect(draft.expiresAt == Int64(1_000 + 4 * 3_600_000))
        #expect(RuleTimeToLive(seconds: 93_784).description == "1d2h3m4s")
    }

    @Test func canonicalTextForms() {
        #expect(AddressMatch.host(IPv4Address(10, 0, 0, 7)).description == "10.0.0.7")
        #expect(AddressMatch.network(IPv4CIDR("10.0.0.7/24")!).description == "10.0.0.0/24")
        #expect(AddressMatch.any.description == "ANY")
        #expect(PortMatch.port(80).description == "80")
        #expect(PortMatch.range(1000, 2000).description == "1000-2000")
        #expect(PortMatch.any.description == "ANY")
        #expect(RuleAction.accept.description == "ACCEPT")
        #expect(ProtocolMatch.udp.description == "udp")
        #expect(
            RuleMatchKey(source: .host(IPv4Address(198, 51, 100, 7)), destinationPort: .port(80), action: .drop)
                .description == "198.51.100.7 ANY ANY 80 any DROP")
    }

    @Test func rulesEncodeCanonicallyAndRoundTrip() throws {
        let rule = FirewallRule(
            id: 3, position: 1, source: .host(IPv4Address(198, 51, 100, 7)),
            destination: .network(IPv4CIDR("10.0.0.0/24")!), destinationPort: .port(80), proto: .tcp, action: .drop,
            comment: "web scanner", expiresAt: 2000, createdAt: 1000, hits: 4)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(rule), as: UTF8.self)
        #expect(
            json
                == #"{"action":"DROP","comment":"web scanner","createdAt":1000,"dport":"80","dst":"10.0.0.0/24","expiresAt":2000,"hits":4,"id":3,"position":1,"proto":"tcp","sport":"ANY","src":"198.51.100.7"}"#
        )
        #expect(try JSONDecoder().decode(FirewallRule.self, from: Data(json.utf8)) == rule)
        var permanent = rule
        permanent.expiresAt = nil
        #expect(!String(decoding: try encoder.encode(permanent), as: UTF8.self).contains("expiresAt"))
    }

    @Test func decodingAcceptsUserSpellingsAndRefusesNonsense() throws {
        let lenient = #"{"id":1,"position":1,"src":"any","dport":443,"proto":"TCP","action":"pass","createdAt":0}"#
        let rule = try JSONDecoder().decode(FirewallRule.self, from: Data(lenient.utf8))
        #expect(rule.destinationPort == .port(443) && rule.action == .accept && rule.proto == .tcp)
        let bad = #"{"id":1,"position":1,"dport":"80","proto":"icmp","action":"DROP","createdAt":0}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FirewallRule.self, from: Data(bad.utf8)) }
    }

    @Test func specsDecodePortsAndTTLsOfEitherType() throws {
        let json = #"{"src":"198.51.100.7","dport":80,"sport":"1000-2000","action":"DROP","ttl":"1h"}"#
        let spec = try JSONDecoder().decode(RuleSpec.self, from: Data(json.utf8))
        #expect(spec.dport == .integer(80) && spec.sport == .text("1000-2000") && spec.ttl == .text("1h"))
    }

    @Test func quotedShowsInputExactly() {
        #expect(RuleFieldError.quoted("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }
}
