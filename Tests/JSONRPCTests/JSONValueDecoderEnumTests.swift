import Testing

@testable import JSONRPC

@Suite("JSON value decoder: enumerations")
struct JSONValueDecoderEnumTests {
    enum Color: String, Codable, CaseIterable, JSONSchemaEnum { case red, green }
    struct Paint: Codable { var color: Color }

    @Test func unknownRawValueNamesTheAllowedOnes() {
        #expect(throws: JSONDecodingError(path: ["color"], message: #""blue" is not one of "red", "green""#)) {
            try JSONValueDecoder().decode(Paint.self, from: ["color": "blue"])
        }
    }

    @Test func nonStringIsATypeMismatch() {
        #expect(throws: JSONDecodingError(path: ["color"], message: "expected string, got integer")) {
            try JSONValueDecoder().decode(Paint.self, from: ["color": 3])
        }
    }

    @Test func knownValueDecodes() throws {
        #expect(try JSONValueDecoder().decode(Paint.self, from: ["color": "green"]).color == .green)
    }
}
