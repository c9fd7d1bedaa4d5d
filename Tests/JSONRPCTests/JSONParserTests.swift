import Testing

@testable import JSONRPC

/// Documents every conforming parser must accept, in the spirit of JSONTestSuite's `y_` cases.
private let acceptedDocuments: [(String, JSONValue)] = [
    ("[]", []),
    ("{}", [:]),
    ("  [ ]  ", []),
    ("\t\r\n{\n}\r\n", [:]),
    ("null", nil),
    ("true", true),
    ("false", false),
    ("0", 0),
    ("-1", -1),
    ("123", 123),
    ("\"\"", ""),
    ("\"abc\"", "abc"),
    ("[1,2,3]", [1, 2, 3]),
    ("[[],[[]]]", [[], [[]]]),
    ("[null,true,false]", [nil, true, false]),
    ("{\"a\":1,\"b\":[true]}", ["a": 1, "b": [true]]),
    ("{\"a\":{\"b\":{\"c\":null}}}", ["a": ["b": ["c": nil]]]),
    ("{ \"a\" : 1 , \"b\" : 2 }", ["a": 1, "b": 2]),
    ("{\"\":0}", ["": 0]),
    ("{\"a\":1,\"a\":2}", ["a": 2]),
    ("[\"\\u0000\"]", ["\u{0}"]),
    ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\u{8}\u{C}\n\r\t"),
    ("\"\\u00e9\"", "é"),
    ("\"\\u00E9\"", "é"),
    ("\"\\ud83d\\ude00\"", "😀"),
    ("\"\\uD834\\uDD1E\"", "𝄞"),
    ("\"\\uFFFF\"", "\u{FFFF}"),
    ("\"é\"", "é"),
    ("\"日本語\"", "日本語"),
    ("\"😀 and \\n\"", "😀 and \n"),
    ("\"\u{7F}\"", "\u{7F}"),
    ("\"a/b\"", "a/b"),
    ("1.5", 1.5),
    ("-0.25", -0.25),
    ("1e3", 1000.0),
    ("1E3", 1000.0),
    ("1e+3", 1000.0),
    ("1e-3", 0.001),
    ("1.0", 1.0),
    ("0.0", 0.0),
    ("-0.0", .double(-0.0)),
    ("1e-400", 0.0),
    ("[1e-05]", [0.00001]),
    ("123456789012345678901234567890", 1.2345678901234568e29),
    ("9223372036854775807", .int(Int.max)),
    ("-9223372036854775808", .int(Int.min)),
    ("9223372036854775808", 9223372036854775808.0),
    ("-9223372036854775809", -9223372036854775809.0),
    ("0.1", 0.1),
    ("2.2250738585072014e-308", 2.2250738585072014e-308),
    ("1.7976931348623157e308", 1.7976931348623157e308),
    ("4.9e-324", .double(.leastNonzeroMagnitude)),
    ("3.141592653589793238462643383279", 3.141592653589793),
]

/// Documents every conforming parser must reject, in the spirit of JSONTestSuite's `n_` cases.
private let rejectedDocuments: [String] = [
    "", " ", "[", "]", "{", "}", "[1,]", "[,1]", "[1,,2]", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\":}",
    "{\"a\" 1}", "{a:1}", "{'a':1}", "['a']", "[1 2]", "{\"a\":1 \"b\":2}", "[1]]", "[1]x", "{}{}", "1 2",
    "nul", "nulll", "True", "tru", "fals", "NaN", "Infinity", "-Infinity", "[NaN]", "+1", "01", "-01", "00",
    "1.", ".1", "1.e3", "1e", "1e+", "-", "--1", "0x1F", "1e400", "-1e400", "[1]/*c*/", "//c\n[]", "[1]#",
    "\"abc", "\"\\\"", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\ud800\"", "\"\\udc00\"",
    "\"\\ud800\\u0041\"", "\"\\ud800x\"", "\"a\tb\"", "\"a\nb\"", "\"\u{1}\"", "[\"a\",]", "\u{FEFF}[]",
    "[\u{A0}]", "\"\\'\"", "{\"a\":1}}", "[[]", "tRue", "[-]", "[1.2.3]", "[1e1e1]", "\"\\",
]

@Suite("JSON parser")
struct JSONParserTests {
    @Test("accepts valid documents", arguments: acceptedDocuments)
    func accepts(text: String, expected: JSONValue) throws {
        let value = try JSONValue(parsing: text)
        #expect(value == expected)
        if case .double(let expectedDouble) = expected, case .double(let double) = value {
            #expect(double.sign == expectedDouble.sign)
        }
    }

    @Test("rejects invalid documents", arguments: rejectedDocuments)
    func rejects(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func integersStayIntegersAndFractionsBecomeDoubles() throws {
        #expect(try JSONValue(parsing: "1") == .int(1))
        #expect(try JSONValue(parsing: "1.0") == .double(1))
        #expect(try JSONValue(parsing: "1e0") == .double(1))
        #expect(try JSONValue(parsing: "-0") == .double(-0.0))
        #expect(try JSONValue(parsing: "-0").doubleValue?.sign == .minus)
        #expect(try JSONValue(parsing: "18446744073709551616") == .double(18446744073709551616))
    }

    @Test func fastAndSlowDoublePathsAgreeWithTheStandardLibrary() throws {
        var random = SplitMix64(seed: 42)
        for _ in 0..<5000 {
            let mantissa = random.next() % 10_000_000_000_000_000
            let exponent = Int(random.next() % 60) - 30
            let fractionDigits = Int(random.next() % 5)
            var digits = String(mantissa)
            if fractionDigits > 0 && digits.count > fractionDigits {
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -fractionDigits))
            }
            let text = "\(digits)e\(exponent)"
            let parsed = try JSONValue(parsing: text)
            #expect(parsed == .double(Double(text)!), "\(text)")
        }
    }

    @Test func errorsNameTheByteOffset() {
        #expect(parseError("[1, x]")?.description == "unexpected character 'x' at byte 4")
        #expect(parseError("[1,]")?.description == "unexpected character ']' at byte 3")
        #expect(parseError("[1")?.description == "unexpected end of input at byte 2")
        #expect(parseError("\"abc")?.description == "unterminated string starting at byte 0")
        #expect(parseError("01")?.offset == 1)
        #expect(parseError("[\"\\q\"]")?.reason == .invalidEscape(UInt8(ascii: "q")))
        #expect(parseError("\"\\ud800\"")?.reason == .loneSurrogate)
        #expect(parseError("\"a\u{1}\"")?.description == "unescaped control character 0x01 in string at byte 2")
        #expect(parseError("1e999")?.reason == .numberOutOfRange)
        #expect(parseError("{} x")?.offset == 3)
        #expect(parseError("[1]\u{0}")?.description == "unexpected byte 0x00 at byte 3")
    }

    @Test func depthLimitIsEnforcedWithoutRecursion() throws {
        let limit = JSONValue.defaultMaximumDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try JSONValue(parsing: deepest) }

        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(parseError(tooDeep)?.description == "nesting deeper than 512 levels at byte 512")

        let hostile = String(repeating: "[", count: 100_000)
        #expect(parseError(hostile)?.reason == .nestingTooDeep(limit: 512))
        let hostileObjects = String(repeating: "{\"a\":", count: 100_000)
        #expect(parseError(hostileObjects)?.reason == .nestingTooDeep(limit: 512))

        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[[[]]]", maxDepth: 2) }
        #expect(try JSONValue(parsing: "[[1]]", maxDepth: 2) == [[1]])
        #expect(try JSONValue(parsing: "1", maxDepth: 0) == 1)
    }

    @Test func allEntryPointsAgree() throws {
        let text = "{\"b\":[1,2.5,\"x\"],\"a\":null}"
        let bytes = Array(text.utf8)
        let fromString = try JSONValue(parsing: text)
        let fromArray = try JSONValue(parsing: bytes)
        let fromSlice = try JSONValue(parsing: ([0x20] + bytes + [0x20])[1...])
        let fromRaw = try bytes.withUnsafeBytes { try JSONValue(parsing: $0) }
        let fromUTF8View = try JSONValue(parsing: text.utf8)
        let fromNonContiguous = try JSONValue(parsing: bytes.lazy.map { $0 })
        #expect(fromString == ["a": nil, "b": [1, 2.5, "x"]])
        #expect(fromArray == fromString)
        #expect(fromSlice == fromString)
        #expect(fromRaw == fromString)
        #expect(fromUTF8View == fromString)
        #expect(fromNonContiguous == fromString)
    }
}

@Suite("JSON parser UTF-8 validation")
struct JSONParserUTF8Tests {
    static let wellFormed: [[UInt8]] = [
        [0x41],
        [0xC2, 0x80], [0xDF, 0xBF],  // U+0080, U+07FF
        [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],  // U+0800 .. U+FFFF
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],  // U+10000, U+10FFFF
    ]

    static let illFormed: [[UInt8]] = [
        [0x80], [0xBF],  // lone continuation bytes
        [0xC0, 0x80], [0xC1, 0xBF],  // overlong two-byte forms
        [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],  // overlong three-byte forms
        [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],  // overlong four-byte forms
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],  // UTF-16 surrogates encoded in UTF-8
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],  // beyond U+10FFFF
        [0xC2], [0xE1, 0x80], [0xF1, 0x80, 0x80],  // truncated sequences
        [0xC2, 0x41], [0xE1, 0x80, 0x41], [0xF1, 0x80, 0x80, 0xC0],  // bad continuation bytes
    ]

    @Test("accepts well-formed sequences", arguments: wellFormed)
    func accepts(sequence: [UInt8]) throws {
        let document = [ASCII.quote] + sequence + [ASCII.quote]
        let value = try JSONValue(parsing: document)
        #expect(value.stringValue.map { Array($0.utf8) } == sequence)
    }

    @Test("rejects ill-formed sequences", arguments: illFormed)
    func rejects(sequence: [UInt8]) {
        let document = Array("[\"ab".utf8) + sequence + Array("\"]".utf8)
        let error = parseError(document)
        #expect(error?.reason == .invalidUTF8)
        #expect(error?.description == "invalid UTF-8 at byte 4")
    }

    @Test func rejectsIllFormedUTF8AfterAnEscape() {
        let document = Array("\"\\n".utf8) + [0xC0, 0xAF] + [ASCII.quote]
        #expect(parseError(document) == JSONParseError(.invalidUTF8, at: 3))
    }

    @Test func rejectsNonASCIIOutsideStrings() {
        #expect(parseError([0xC3, 0xA9])?.reason == .unexpectedCharacter(0xC3))
    }

    @Test func escapedAndRawFormsDecodeAlike() throws {
        let raw = try JSONValue(parsing: "\"caf\u{E9} \u{1F600}\"")
        let escaped = try JSONValue(parsing: "\"caf\\u00e9 \\ud83d\\ude00\"")
        #expect(raw == escaped)
        #expect(raw.stringValue == "café 😀")
    }
}

func parseError(_ text: String) -> JSONParseError? {
    parseError(Array(text.utf8))
}

func parseError(_ bytes: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONValue(parsing: bytes)
        return nil
    } catch {
        return error
    }
}
