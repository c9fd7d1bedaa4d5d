import Testing

@testable import JSONRPC

@Suite("JSON serializer")
struct JSONSerializerTests {
    @Test func writesCompactJSONWithSortedKeys() {
        let value: JSONValue = ["jsonrpc": "2.0", "id": 123, "result": ["pong": true, "at": nil], "b": [1, -2, 3.5]]
        #expect(
            value.serializedString == #"{"b":[1,-2,3.5],"id":123,"jsonrpc":"2.0","result":{"at":null,"pong":true}}"#)
        #expect(value.description == value.serializedString)
        #expect(JSONValue.object([:]).serializedString == "{}")
        #expect(JSONValue.array([]).serializedString == "[]")
    }

    @Test func sortsKeysByUTF8BytesNotByCanonicalEquivalence() {
        // "e\u{301}" (65 CC 81) sorts before "f" (66) in byte order, but String's `<` compares
        // its canonical form "\u{E9}", which sorts after "f".
        let value: JSONValue = ["f": 1, "e\u{301}": 2, "Z": 3, "a": 4, "": 5, "ab": 6, "\u{10000}": 7, "\u{FFFF}": 8]
        #expect(
            value.serializedString
                == "{\"\":5,\"Z\":3,\"a\":4,\"ab\":6,\"e\u{301}\":2,\"f\":1,\"\u{FFFF}\":8,\"\u{10000}\":7}")
    }

    @Test func keySortingHandlesManyKeys() throws {
        var members: [String: JSONValue] = [:]
        for index in 0..<300 { members["key\(index)"] = .int(index) }
        let text = JSONValue.object(members).serializedString
        let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let expected = "{" + keys.map { "\"\($0)\":\(members[$0]!)" }.joined(separator: ",") + "}"
        #expect(text == expected)
    }

    @Test func escapesOnlyWhatJSONRequires() {
        let value = JSONValue.string("a\"b\\c/d\n\r\t\u{8}\u{C}\u{0}\u{1F}\u{7F}é😀\u{2028}")
        #expect(value.serializedString == "\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0000\\u001f\u{7F}é😀\u{2028}\"")
        #expect(JSONValue.string("").serializedString == "\"\"")
        #expect(JSONValue.object(["\n": "\u{1}"]).serializedString == "{\"\\n\":\"\\u0001\"}")
    }

    @Test func writesIntegers() {
        for integer in [0, 7, 10, -1, -10, 1234567890, Int.max, Int.min] {
            #expect(JSONValue.int(integer).serializedString == "\(integer)")
        }
    }

    @Test func writesDoublesInTheirShortestRoundTrippingForm() throws {
        let cases: [(Double, String)] = [
            (1.0, "1.0"), (-1.0, "-1.0"), (0.0, "0.0"), (-0.0, "-0.0"), (0.1, "0.1"), (1.5, "1.5"),
            (1e-5, "1e-05"), (5e20, "5e+20"), (123456789.0, "123456789.0"), (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (.greatestFiniteMagnitude, "1.7976931348623157e+308"), (.leastNonzeroMagnitude, "5e-324"),
        ]
        for (double, text) in cases {
            #expect(JSONValue.double(double).serializedString == text)
            let reparsed = try JSONValue(parsing: text)
            #expect(reparsed == .double(double), "\(text)")
        }
    }

    @Test func nonFiniteDoublesBecomeNull() {
        #expect(JSONValue.double(.nan).serializedString == "null")
        #expect(JSONValue.array([.double(.infinity), .double(-.infinity)]).serializedString == "[null,null]")
    }

    @Test func appendsToAnExistingBuffer() {
        var buffer = Array("prefix ".utf8)
        JSONValue.array([1, "x"]).serialize(into: &buffer)
        buffer.append(ASCII.newline)
        #expect(String(decoding: buffer, as: UTF8.self) == "prefix [1,\"x\"]\n")
    }

    @Test func randomValuesRoundTripThroughBytes() throws {
        var random = RandomJSONValues(seed: 0x5EED)
        for _ in 0..<2000 {
            let value = random.value()
            let bytes = value.serializedBytes
            let reparsed = try JSONValue(parsing: bytes)
            #expect(reparsed == value, "\(value)")
            #expect(reparsed.serializedBytes == bytes)
            #expect(!bytes.contains(ASCII.newline), "a serialized value must fit on one line")
        }
    }

    @Test func randomDoublesRoundTripBitForBit() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let double = Double(bitPattern: random.next())
            guard double.isFinite else { continue }
            let text = JSONValue.double(double).serializedString
            guard case .double(let reparsed) = try JSONValue(parsing: text) else {
                Issue.record("\(text) did not parse back as a double")
                continue
            }
            #expect(reparsed.bitPattern == double.bitPattern, "\(text)")
        }
    }
}
