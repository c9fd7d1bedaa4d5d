import Testing

@testable import JSONRPC

/// A port as the firewall takes it: a number, with a validating decoder of its own.
private struct Port: Codable, Equatable {
    var number: UInt16

    init(_ number: UInt16) { self.number = number }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(UInt16.self)
        guard number != 0 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "port 0 is not allowed")
        }
        self.number = number
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(number)
    }
}

private struct AddressError: Error, CustomStringConvertible {
    var text: String
    var description: String { "\"\(text)\" is not an IPv4 address" }
}

/// An address that validates with an error type of its own rather than `DecodingError`.
private struct Address: Codable, Equatable {
    var text: String

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard text.split(separator: ".").count == 4 else { throw AddressError(text: text) }
        self.text = text
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

private enum Action: String, Codable {
    case accept = "ACCEPT", drop = "DROP"
}

private struct Rule: Codable, Equatable {
    var src: String
    var dport: UInt16?
    var action: Action
    var comment: String?
}

private struct ReplaceRulesParams: Codable, Equatable {
    var rules: [Rule]
    var limit: Int
    var dryRun: Bool
    var labels: [String: String]?
}

private struct EveryNumber: Codable, Equatable {
    var int: Int, int8: Int8, int16: Int16, int32: Int32, int64: Int64
    var uint: UInt, uint8: UInt8, uint16: UInt16, uint32: UInt32, uint64: UInt64
    var double: Double, float: Float
}

@Suite("JSON value decoder")
struct JSONValueDecoderTests {
    let decoder = JSONValueDecoder()

    private func decodingError<T: Decodable>(
        _ type: T.Type, from text: String, rejectingUnknownKeys: Bool = false
    ) throws -> JSONDecodingError? {
        let value = try JSONValue(parsing: text)
        do {
            _ = try JSONValueDecoder(rejectsUnknownKeys: rejectingUnknownKeys).decode(T.self, from: value)
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesNestedParams() throws {
        let value = try JSONValue(
            parsing:
                #"{"rules":[{"src":"10.0.0.1","dport":80,"action":"DROP"},{"src":"ANY","action":"ACCEPT","comment":null}],"limit":5,"dryRun":false,"labels":{"a":"b"}}"#
        )
        let params = try decoder.decode(ReplaceRulesParams.self, from: value)
        #expect(
            params
                == ReplaceRulesParams(
                    rules: [
                        Rule(src: "10.0.0.1", dport: 80, action: .drop, comment: nil),
                        Rule(src: "ANY", dport: nil, action: .accept, comment: nil),
                    ], limit: 5, dryRun: false, labels: ["a": "b"]))
    }

    @Test func errorsNameThePathAndTheExpectation() throws {
        let base = #""limit":5,"dryRun":false"#
        #expect(
            try decodingError(ReplaceRulesParams.self, from: #"{"rules":[],"limit":"5","dryRun":false}"#)?.description
                == "limit: expected integer, got string")
        #expect(
            try decodingError(ReplaceRulesParams.self, from: #"{"rules":[{"action":"DROP"}],\#(base)}"#)?.description
                == "rules[0].src: missing")
        let third =
            #"{"rules":[{"src":"a","action":"DROP"},{"src":"b","action":"DROP"},{"src":"c","dport":true,"action":"DROP"}],\#(base)}"#
        let error = try #require(try decodingError(ReplaceRulesParams.self, from: third))
        #expect(error.description == "rules[2].dport: expected integer, got boolean")
        #expect(error.path == ["rules", "[2]", "dport"])
        #expect(error.renderedPath == "rules[2].dport")
        #expect(error.message == "expected integer, got boolean")
        #expect(
            try decodingError(
                ReplaceRulesParams.self, from: #"{"rules":[{"src":"a","dport":70000,"action":"DROP"}],\#(base)}"#)?
                .description == "rules[0].dport: 70000 is outside UInt16 range")
        #expect(
            try decodingError(ReplaceRulesParams.self, from: #"{"rules":[{"src":"a","action":"PASS"}],\#(base)}"#)?
                .description.hasPrefix("rules[0].action: ") == true)
        #expect(try decodingError(ReplaceRulesParams.self, from: "[]")?.description == "expected object, got array")
        #expect(
            try decodingError(ReplaceRulesParams.self, from: #"{"rules":{},\#(base)}"#)?.description
                == "rules: expected array, got object")
        #expect(
            try decodingError(ReplaceRulesParams.self, from: #"{"rules":[],"limit":null,"dryRun":false}"#)?.description
                == "limit: expected integer, got null")
        #expect(
            try decodingError(
                ReplaceRulesParams.self, from: #"{"rules":[],"limit":1,"dryRun":false,"labels":{"x":1}}"#)?
                .description == "labels.x: expected string, got integer")
    }

    @Test func aTypesOwnErrorsKeepTheirPath() throws {
        struct Params: Decodable {
            var ports: [Port]
            var dst: Address
        }
        #expect(
            try decodingError(Params.self, from: #"{"ports":[22,0],"dst":"1.2.3.4"}"#)?.description
                == "ports[1]: port 0 is not allowed")
        #expect(
            try decodingError(Params.self, from: #"{"ports":[],"dst":"nope"}"#)?.description
                == #"dst: "nope" is not an IPv4 address"#)
        #expect(
            try decodingError(Params.self, from: #"{"ports":[-1],"dst":"1.2.3.4"}"#)?.description
                == "ports[0]: -1 is outside UInt16 range")

        struct Keyed: Decodable {
            enum CodingKeys: String, CodingKey { case mode }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                throw DecodingError.dataCorruptedError(
                    forKey: .mode, in: container, debugDescription: "mode must be one of fast, slow")
            }
        }
        struct Outer: Decodable { var inner: Keyed }
        #expect(
            try decodingError(Outer.self, from: #"{"inner":{"mode":"x"}}"#)?.description
                == "inner.mode: mode must be one of fast, slow")
    }

    @Test func numbersAreStrict() throws {
        let all =
            #""int":-1,"int8":-128,"int16":32767,"int32":1,"int64":1,"uint":1,"uint8":255,"uint16":1,"uint32":1,"uint64":9223372036854775807,"double":1,"float":0.5"#
        let decoded = try decoder.decode(EveryNumber.self, from: try JSONValue(parsing: "{\(all)}"))
        #expect(
            decoded.int8 == -128 && decoded.uint8 == 255 && decoded.uint64 == UInt64(Int.max) && decoded.double == 1)

        // JSON numbers beyond Int are doubles, and 2^64 - 1 rounds up to 2^64.
        #expect(throws: JSONDecodingError(path: [], message: "1.8446744073709552e+19 is outside UInt64 range")) {
            try decoder.decode(UInt64.self, from: try JSONValue(parsing: "18446744073709551615"))
        }
        #expect(try decoder.decode(Int.self, from: 3.0) == 3)
        #expect(try decoder.decode(Int.self, from: try JSONValue(parsing: "1e3")) == 1000)
        #expect(try decoder.decode(Double.self, from: 3) == 3.0)
        #expect(try decoder.decode(UInt8.self, from: 255) == 255)
        #expect(throws: JSONDecodingError(path: [], message: "expected integer, got number")) {
            try decoder.decode(Int.self, from: 1.5)
        }
        #expect(throws: JSONDecodingError(path: [], message: "256 is outside UInt8 range")) {
            try decoder.decode(UInt8.self, from: 256)
        }
        #expect(throws: JSONDecodingError(path: [], message: "-1 is outside UInt range")) {
            try decoder.decode(UInt.self, from: -1)
        }
        #expect(throws: JSONDecodingError(path: [], message: "1e+20 is outside Int range")) {
            try decoder.decode(Int.self, from: 1e20)
        }
        #expect(throws: JSONDecodingError(path: [], message: "1e+300 is outside Float range")) {
            try decoder.decode(Float.self, from: 1e300)
        }
        #expect(throws: JSONDecodingError(path: [], message: "expected boolean, got integer")) {
            try decoder.decode(Bool.self, from: 1)
        }
        #expect(throws: JSONDecodingError(path: [], message: "expected number, got string")) {
            try decoder.decode(Double.self, from: "1")
        }
    }

    @Test func optionalsAreMissingOrNull() throws {
        struct Params: Decodable, Equatable {
            var ttl: Int?
            var tags: [String]?
        }
        #expect(try decoder.decode(Params.self, from: [:]) == Params(ttl: nil, tags: nil))
        #expect(try decoder.decode(Params.self, from: ["ttl": nil, "tags": nil]) == Params(ttl: nil, tags: nil))
        #expect(try decoder.decode(Params.self, from: ["ttl": 3, "tags": ["a"]]) == Params(ttl: 3, tags: ["a"]))
        #expect(throws: JSONDecodingError(path: ["ttl"], message: "expected integer, got string")) {
            try decoder.decode(Params.self, from: ["ttl": "3"])
        }
        #expect(try decoder.decode([Int?].self, from: [1, nil, 2]) == [1, nil, 2])
        #expect(try decoder.decode(Int?.self, from: nil) == nil)
    }

    @Test func unknownKeysAreRejectedOnlyWhenAsked() throws {
        struct Params: Decodable {
            var limit: Int
            var offset: Int?
        }
        #expect(throws: Never.self) { try decoder.decode(Params.self, from: ["limit": 1, "limt": 2]) }
        #expect(
            try decodingError(Params.self, from: #"{"limt":5,"limit":1}"#, rejectingUnknownKeys: true)?.description
                == #"unknown field "limt""#)
        #expect(
            try decodingError(Params.self, from: #"{"b":1,"a":2,"limit":1}"#, rejectingUnknownKeys: true)?.description
                == #"unknown fields "a", "b""#)
        // Asked-for optionals that are absent, or present, are fine.
        #expect(try decodingError(Params.self, from: #"{"limit":1,"offset":2}"#, rejectingUnknownKeys: true) == nil)
        #expect(try decodingError(Params.self, from: #"{"limit":1}"#, rejectingUnknownKeys: true) == nil)

        // Nested objects are checked at their own path; dictionaries take every key.
        let nested = #"{"rules":[{"src":"a","action":"DROP","dprot":1}],"limit":1,"dryRun":true,"labels":{"any":"x"}}"#
        #expect(
            try decodingError(ReplaceRulesParams.self, from: nested, rejectingUnknownKeys: true)?.description
                == #"rules[0]: unknown field "dprot""#)
        let dictionaryOnly = #"{"rules":[],"limit":1,"dryRun":true,"labels":{"whatever":"x","more":"y"}}"#
        #expect(try decodingError(ReplaceRulesParams.self, from: dictionaryOnly, rejectingUnknownKeys: true) == nil)

        // `contains` counts as asking.
        struct Probing: Decodable {
            enum CodingKeys: String, CodingKey { case verbose }
            var verbose: Bool
            init(from decoder: any Decoder) throws {
                verbose = try decoder.container(keyedBy: CodingKeys.self).contains(.verbose)
            }
        }
        #expect(try decodingError(Probing.self, from: #"{"verbose":null}"#, rejectingUnknownKeys: true) == nil)
        #expect(try decodingError(Probing.self, from: #"{"verbose":1,"x":1}"#, rejectingUnknownKeys: true) != nil)
    }

    @Test func jsonValueDecodesAsItself() throws {
        struct Envelope: Decodable {
            var id: JSONValue
            var params: JSONValue?
        }
        let value: JSONValue = ["id": "abc", "params": ["deep": [1, ["x": nil]]]]
        let envelope = try decoder.decode(Envelope.self, from: value)
        #expect(envelope.id == "abc")
        #expect(envelope.params == ["deep": [1, ["x": nil]]])
        #expect(try decoder.decode(JSONValue.self, from: value) == value)
        #expect(try decoder.decode([JSONValue].self, from: [1, "a", nil]) == [1, "a", nil])
    }

    @Test func nestedContainersAndSuperDecodersCarryPaths() throws {
        struct Wrapped: Decodable {
            enum Outer: String, CodingKey { case filter }
            enum Inner: String, CodingKey { case port }
            var port: Int
            init(from decoder: any Decoder) throws {
                let outer = try decoder.container(keyedBy: Outer.self)
                let inner = try outer.nestedContainer(keyedBy: Inner.self, forKey: .filter)
                port = try inner.decode(Int.self, forKey: .port)
            }
        }
        #expect(try decoder.decode(Wrapped.self, from: ["filter": ["port": 22]]).port == 22)
        #expect(throws: JSONDecodingError(path: ["filter", "port"], message: "expected integer, got string")) {
            try decoder.decode(Wrapped.self, from: ["filter": ["port": "22"]])
        }
        #expect(throws: JSONDecodingError(path: ["filter"], message: "missing")) {
            try decoder.decode(Wrapped.self, from: [:])
        }

        struct Pairs: Decodable {
            var sum = 0
            init(from decoder: any Decoder) throws {
                var outer = try decoder.unkeyedContainer()
                while !outer.isAtEnd {
                    var pair = try outer.nestedUnkeyedContainer()
                    sum += try pair.decode(Int.self) * pair.decode(Int.self)
                }
            }
        }
        #expect(try decoder.decode(Pairs.self, from: [[2, 3], [4, 5]]).sum == 26)
        #expect(throws: JSONDecodingError(path: ["[1]", "[1]"], message: "missing")) {
            try decoder.decode(Pairs.self, from: [[2, 3], [4]])
        }
    }
}

@Suite("JSON value encoder")
struct JSONValueEncoderTests {
    let encoder = JSONValueEncoder()

    @Test func encodesNestedStructsAndSkipsNilOptionals() throws {
        let params = ReplaceRulesParams(
            rules: [Rule(src: "10.0.0.1", dport: 80, action: .drop, comment: nil)], limit: 5, dryRun: true,
            labels: nil)
        let value = try encoder.encode(params)
        #expect(value == ["rules": [["src": "10.0.0.1", "dport": 80, "action": "DROP"]], "limit": 5, "dryRun": true])
        #expect(
            value.serializedString
                == #"{"dryRun":true,"limit":5,"rules":[{"action":"DROP","dport":80,"src":"10.0.0.1"}]}"#)
    }

    @Test func everyNumberTypeRoundTrips() throws {
        let numbers = EveryNumber(
            int: .min, int8: .min, int16: .min, int32: .min, int64: .max, uint: .max, uint8: .max, uint16: .max,
            uint32: .max, uint64: 1 << 40, double: 0.1, float: 0.1)
        let value = try encoder.encode(numbers)
        #expect(value["float"] == 0.1)
        #expect(value["uint"] == .double(Double(UInt.max)))
        let back = try JSONValueDecoder().decode(
            EveryNumber.self,
            from: try encoder.encode(
                EveryNumber(
                    int: .min, int8: .min, int16: .min, int32: .min, int64: .max, uint: 7, uint8: .max,
                    uint16: .max, uint32: .max, uint64: 1 << 40, double: 0.1, float: 0.1)))
        #expect(back.int == .min && back.int64 == .max && back.uint64 == 1 << 40 && back.float == 0.1)
    }

    @Test func randomValuesRoundTripThroughCodable() throws {
        var random = RandomJSONValues(seed: 99)
        for _ in 0..<500 {
            let value = random.value()
            #expect(try encoder.encode(value) == value)
            #expect(try JSONValueDecoder().decode(JSONValue.self, from: value) == value)
            struct Holder: Codable, Equatable { var payload: JSONValue; var list: [JSONValue] }
            let holder = Holder(payload: value, list: [value, nil])
            #expect(try JSONValueDecoder().decode(Holder.self, from: try encoder.encode(holder)) == holder)
        }
    }

    @Test func nestedContainersAndSuperEncodersAreFilledInAfterTheyAreHandedOut() throws {
        struct Custom: Encodable {
            enum Keys: String, CodingKey { case filter, list, base }
            enum Inner: String, CodingKey { case port }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var filter = container.nestedContainer(keyedBy: Inner.self, forKey: .filter)
                var list = container.nestedUnkeyedContainer(forKey: .list)
                try list.encode(1)
                var pair = list.nestedUnkeyedContainer()
                try filter.encode(22, forKey: .port)
                try pair.encode("a")
                try list.encode(3)
                try "base".encode(to: container.superEncoder(forKey: .base))
            }
        }
        #expect(try encoder.encode(Custom()) == ["filter": ["port": 22], "list": [1, ["a"], 3], "base": "base"])
    }

    @Test func typesThatEncodeNothingBecomeNull() throws {
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        struct Empty: Encodable {}
        #expect(try encoder.encode(Nothing()) == nil)
        #expect(try encoder.encode(Empty()) == [:])
    }
}
