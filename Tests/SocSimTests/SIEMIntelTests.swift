import Testing

@testable import SocSim

@Suite("SIEM threat intelligence")
struct SIEMIntelTests {
    private let sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    @Test("plain lists: one per line, kinds detected, comments skipped, errors with line numbers")
    func plainList() throws {
        let text = """
            # feed of the day
            203.0.113.66
            198.51.100.0/24   # a whole network
            Evil.Example.

            http://evil.example/payload.bin
            \(sha.uppercased())\r
            """
        let indicators = try PlainIntelListParser.parse(
            text, defaults: IntelImportDefaults(source: "daily", confidence: 80))
        #expect(indicators.map(\.kind) == [.ip, .cidr, .domain, .url, .sha256])
        #expect(
            indicators.map(\.value) == [
                "203.0.113.66", "198.51.100.0/24", "evil.example", "http://evil.example/payload.bin", sha,
            ])
        #expect(indicators.allSatisfy { $0.source == "daily" && $0.confidence == 80 })
        let error = #expect(throws: IntelError.self) { try PlainIntelListParser.parse("10.0.0.1\n\nnot a value!\n") }
        #expect(
            error?.description
                == "line 3: cannot tell what 'not a value!' is (expected an IPv4 address, CIDR, domain, URL or SHA-256)"
        )
    }

    @Test("CSV: header in any order, quoted fields, defaults, expiry, errors with line numbers")
    func csv() throws {
        let text = #"""
            Confidence,VALUE,type,tags,source,expires,comment
            90,203.0.113.66,ip,botnet;ddos,abuse feed,2030-01-01T00:00:00Z,"first, with a comma"
            "40","evil.example",,"c2|""quoted""",,1900000000000,
            ,192.0.2.0/24,cidr,,,2031-06-30,
            """#
        let indicators = try CSVIntelParser.parse(text, defaults: IntelImportDefaults(source: "import", confidence: 55))
        #expect(indicators.count == 3)
        #expect(indicators[0].key == IndicatorKey(kind: .ip, value: "203.0.113.66"))
        #expect(
            indicators[0].confidence == 90 && indicators[0].tags == ["botnet", "ddos"]
                && indicators[0].source == "abuse feed")
        #expect(indicators[0].expiresAtMilliseconds == 1_893_456_000_000)
        #expect(
            indicators[1].kind == .domain && indicators[1].tags == ["c2", "\"quoted\""]
                && indicators[1].source == "import")
        #expect(indicators[1].expiresAtMilliseconds == 1_900_000_000_000)
        #expect(indicators[2].confidence == 55 && indicators[2].expiresAtMilliseconds == 1_940_544_000_000)

        for (feed, message) in [
            ("type,confidence\nip,3", "line 1: the CSV header must name a 'value' column"),
            ("value\n10.0.0.1,extra", "line 2: 2 fields but the header names 1 columns"),
            ("value,type\n10.0.0.1,host", "line 2: type 'host' is not one of ip, cidr, domain, url, sha256"),
            ("value,type\nexample.com,ip", "line 2: 'example.com' is not a valid ip indicator"),
            ("value,confidence\n10.0.0.1,high", "line 2: confidence 'high' is not a whole number"),
            ("value,confidence\n10.0.0.1,101", "line 2: confidence 101 is outside 0-100"),
            (
                "value,expires\n10.0.0.1,tomorrow",
                "line 2: expires 'tomorrow' is neither ISO 8601 nor milliseconds since the epoch"
            ),
            ("# only a comment\nvalue\n\"10.0.0.1", "line 3: a quoted field is not closed"),
            ("", "line 1: the CSV feed has no header row"),
        ] {
            let error = #expect(throws: IntelError.self) { try CSVIntelParser.parse(feed) }
            #expect(error?.description == message)
        }
    }

    @Test("STIX 2.1 bundles: the four patterns, OR, confidence, labels, expiry and the creator's name")
    func stix() throws {
        let bundle = """
            {
              "type": "bundle", "id": "bundle--1",
              "objects": [
                {"type": "identity", "id": "identity--a", "name": "CERT Example"},
                {"type": "indicator", "id": "indicator--1", "spec_version": "2.1", "pattern_type": "stix",
                 "pattern": "[ipv4-addr:value = '203.0.113.66']", "confidence": 85, "labels": ["ddos"],
                 "created_by_ref": "identity--a", "valid_until": "2030-01-01T00:00:00.500Z"},
                {"type": "indicator", "id": "indicator--2", "pattern": "[domain-name:value = 'evil.example'] OR [url:value = 'http://evil.example/x']"},
                {"type": "indicator", "id": "indicator--3", "pattern": "[file:hashes.'SHA-256' = '\(sha)']"},
                {"type": "indicator", "id": "indicator--4", "pattern": "[ipv4-addr:value = '198.51.100.0/24' OR ipv4-addr:value = '192.0.2.1']"},
                {"type": "malware", "id": "malware--1", "name": "ignored"}
              ]
            }
            """
        let indicators = try STIXBundleParser.parse(bundle, defaults: IntelImportDefaults(source: "stix import"))
        #expect(
            indicators.map(\.key.description) == [
                "ip:203.0.113.66", "domain:evil.example", "url:http://evil.example/x", "sha256:\(sha)",
                "cidr:198.51.100.0/24",
                "ip:192.0.2.1",
            ])
        #expect(
            indicators[0].source == "CERT Example" && indicators[0].confidence == 85 && indicators[0].tags == ["ddos"])
        #expect(indicators[0].expiresAtMilliseconds == 1_893_456_000_500)
        #expect(indicators[1].source == "stix import" && indicators[1].confidence == 50)

        func objects(_ object: String) -> String { "{\"type\":\"bundle\",\"objects\":[\n\(object)\n]}" }
        for (feed, message) in [
            (
                "{\"type\": \"report\"}",
                "line 1: not a STIX bundle: expected an object with \"type\": \"bundle\" and \"objects\""
            ),
            (
                objects("{\"type\":\"indicator\",\"id\":\"indicator--x\"}"),
                "line 2: indicator--x: the indicator has no pattern"
            ),
            (
                objects("{\"type\":\"indicator\",\"id\":\"i\",\"pattern\":\"[process:name = 'x']\"}"),
                "line 2: i: unsupported object path 'process:name' (supported: ipv4-addr:value, domain-name:value, url:value, file:hashes.'SHA-256')"
            ),
            (
                objects(
                    "{\"type\":\"indicator\",\"id\":\"i\",\"pattern\":\"[ipv4-addr:value = '1.2.3.4' AND ipv4-addr:value = '5.6.7.8']\"}"
                ),
                "line 2: i: unsupported pattern '[ipv4-addr:value = '1.2.3.4' AND ipv4-addr:value = '5.6.7.8']' (AND is not supported)"
            ),
            (
                objects("{\"type\":\"indicator\",\"id\":\"i\",\"pattern\":\"[ipv4-addr:value = '1.2.3.400']\"}"),
                "line 2: i: '1.2.3.400' is not a valid ip indicator"
            ),
            (
                objects(
                    "{\"type\":\"indicator\",\"id\":\"i\",\"pattern\":\"[ipv4-addr:value = '1.2.3.4']\",\"confidence\":150}"
                ), "line 2: i: confidence must be a whole number 0-100"
            ),
            (
                objects(
                    "{\"type\":\"indicator\",\"id\":\"i\",\"pattern\":\"[url:value = 'http://a.example/']\",\"pattern_type\":\"sigma\"}"
                ), "line 2: i: pattern_type 'sigma' is not supported (only stix)"
            ),
            (
                "{\"type\": \"bundle\",\n \"objects\": [1, 2,]}",
                "line 2: column 19: unexpected character ']'; expected a value"
            ),
            ("{\"type\": \"bundle\"", "line 1: column 18: expected ',' or '}' in object"),
            ("{\"a\": \"\\q\"}", "line 1: column 10: invalid escape '\\q'"),
        ] {
            let error = #expect(throws: IntelError.self) { try STIXBundleParser.parse(feed) }
            #expect(error?.description == message)
        }
    }

    @Test("the JSON reader handles escapes, numbers and nesting limits")
    func jsonReader() throws {
        let value = try IntelJSONReader.parse(
            "{\"s\": \"a\\\"b\\u00e9\\ud83d\\ude00\", \"n\": -1.5e2, \"l\": [true, false, null]}")
        #expect(value["s"]?.string == "a\"bé😀")
        #expect(value["n"] == .number(-150))
        #expect(value["l"] == .array([.bool(true), .bool(false), .null]))
        #expect(throws: IntelError.self) { try IntelJSONReader.parse(String(repeating: "[", count: 100)) }
        #expect(throws: IntelError.self) { try IntelJSONReader.parse("01") }
        #expect(throws: IntelError.self) { try IntelJSONReader.parse("{} x") }
    }

    @Test("matching: exact addresses, the most specific network, domains and their parents, URLs, hashes, expiry")
    func matching() throws {
        var index = ThreatIntelIndex()
        index.insert(try Indicator(kind: .cidr, value: "198.51.100.0/24", source: "wide"))
        index.insert(try Indicator(kind: .cidr, value: "198.51.100.128/25", source: "narrow"))
        index.insert(try Indicator(kind: .ip, value: "198.51.100.200", source: "exact"))
        index.insert(try Indicator(kind: .domain, value: "example.org", source: "parent"))
        index.insert(try Indicator(kind: .domain, value: "evil.example.org", source: "child"))
        index.insert(try Indicator(kind: .url, value: "https://evil.example.org/x?y=1"))
        index.insert(try Indicator(kind: .sha256, value: sha))
        index.insert(try Indicator(kind: .ip, value: "192.0.2.9", expiresAtMilliseconds: 1_000))
        #expect(index.count == 8)
        func address(_ text: String) -> String? { index.match(address: IPv4Address(text)!, nowMilliseconds: 0)?.source }
        #expect(address("198.51.100.200") == "exact")
        #expect(address("198.51.100.201") == "narrow")
        #expect(address("198.51.100.1") == "wide")
        #expect(address("203.0.113.1") == nil)
        func domain(_ name: String) -> String? { index.match(domain: name, nowMilliseconds: 0)?.source }
        #expect(domain("a.b.evil.example.org") == "child")
        #expect(domain("EVIL.example.org.") == "child")
        #expect(domain("www.example.org") == "parent")
        #expect(domain("example.org") == "parent")
        #expect(domain("notexample.org") == nil)
        #expect(domain("org") == nil)
        #expect(index.match(url: "https://evil.example.org/x?y=1", nowMilliseconds: 0) != nil)
        #expect(index.match(url: "/x?y=1", nowMilliseconds: 0) != nil)
        #expect(index.match(url: "/x", nowMilliseconds: 0) == nil)
        #expect(index.match(sha256: sha.uppercased(), nowMilliseconds: 0) != nil)
        #expect(index.match(address: IPv4Address(192, 0, 2, 9), nowMilliseconds: 999) != nil)
        #expect(index.match(address: IPv4Address(192, 0, 2, 9), nowMilliseconds: 1_000) == nil)
        #expect(index.check("sub.evil.example.org", nowMilliseconds: 0)?.source == "child")
        #expect(index.check("198.51.100.7", nowMilliseconds: 0)?.source == "wide")

        #expect(index.purgeExpired(atMilliseconds: 2_000) == 1)
        #expect(index.remove(IndicatorKey(kind: .cidr, value: "198.51.100.128/25"))?.source == "narrow")
        #expect(address("198.51.100.201") == "wide")
        index.remove(IndicatorKey(kind: .domain, value: "evil.example.org"))
        #expect(domain("a.evil.example.org") == "parent")
        // Re-adding a key replaces the indicator.
        index.insert(try Indicator(kind: .cidr, value: "198.51.100.7/24", source: "replaced"))
        #expect(address("198.51.100.1") == "replaced")
        #expect(index.count == 5)
    }

    @Test(
        "indicator values are validated",
        arguments: [
            (IndicatorKind.ip, "300.1.1.1"), (.cidr, "10.0.0.0"), (.domain, "under_score-.example"), (.domain, "1.2.3"),
            (.url, "http://"), (.url, "gopher://x.example"), (.sha256, String(repeating: "g", count: 64)),
        ])
    func invalidValues(kind: IndicatorKind, value: String) {
        #expect(throws: IntelError.invalidValue(value, kind: kind)) { try Indicator(kind: kind, value: value) }
    }

    @Test("ISO 8601 timestamps")
    func timestamps() {
        #expect(ISO8601Timestamp.epochMilliseconds("1970-01-01") == 0)
        #expect(ISO8601Timestamp.epochMilliseconds("2024-05-14T09:00:00Z") == 1_715_677_200_000)
        #expect(ISO8601Timestamp.epochMilliseconds("2024-05-14T11:00:00.25+02:00") == 1_715_677_200_250)
        #expect(ISO8601Timestamp.epochMilliseconds("2024-02-30") == nil)
        #expect(ISO8601Timestamp.epochMilliseconds("2024-05-14T09:00:00") == nil)
    }
}
