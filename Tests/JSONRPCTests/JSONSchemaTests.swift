import Testing

@testable import JSONRPC

/// Stands in for an IPv4 address: validates in `init(from:)`, so it must state its schema.
private struct TestAddress: Decodable, JSONSchemaProviding {
    var octets: [UInt8]

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let octets = text.split(separator: ".").compactMap { UInt8($0) }
        guard octets.count == 4 else { throw AddressParseError() }
        self.octets = octets
    }

    static var jsonSchema: JSONSchema { .string(format: "ipv4", description: "an IPv4 address") }
    static var jsonSchemaExample: JSONValue { "192.0.2.1" }
}

private struct AddressParseError: Error {}

private enum Protocol: String, Decodable, JSONSchemaEnum {
    case any, tcp, udp, icmp
}

private enum Verdict: String, Decodable, JSONSchemaEnum {
    case accept = "ACCEPT", drop = "DROP", reject = "REJECT"
}

/// Validates that its range is ordered, which the tracer's placeholders (0, 0) satisfy.
private struct PortRange: Decodable {
    var low: UInt16
    var high: UInt16

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        low = try container.decode(UInt16.self, forKey: .low)
        high = try container.decode(UInt16.self, forKey: .high)
        guard low <= high else {
            throw DecodingError.dataCorruptedError(forKey: .high, in: container, debugDescription: "high < low")
        }
    }

    enum CodingKeys: String, CodingKey { case low, high }
}

private struct AddRuleParams: Decodable, JSONSchemaDocumented {
    var src: TestAddress
    var dst: TestAddress?
    var dport: PortRange?
    var proto: Protocol
    var action: Verdict
    var position: Int32?
    var comment: String?
    var ttl: Double?
    var tags: [String]
    var metadata: [String: Int]
    var extra: JSONValue?

    static var fieldDescriptions: [String: String] {
        ["src": "where the traffic comes from", "ttl": "seconds until the rule expires", "nope": "ignored"]
    }
}

private struct ReplaceParams: Decodable {
    var rules: [AddRuleParams]
    var dryRun: Bool
    var matrix: [[UInt8]]
}

private final class TreeNode: Decodable {
    let name: String
    let children: [TreeNode]
    let parent: TreeNode?
}

private struct LinkedList: Decodable {
    var value: Int
    var next: Box

    final class Box: Decodable {
        let list: LinkedList
    }
}

private struct LegacyParams: Decodable {
    enum CodingKeys: String, CodingKey { case limit, verbose, filter }
    enum FilterKeys: String, CodingKey { case host }
    var limit: Int
    var verbose: Bool
    var host: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        limit = try container.decode(Int.self, forKey: .limit)
        verbose = container.contains(.verbose) ? try container.decode(Bool.self, forKey: .verbose) : false
        host = try container.nestedContainer(keyedBy: FilterKeys.self, forKey: .filter).decode(
            String.self, forKey: .host)
    }
}

@Suite("JSON schema inference")
struct JSONSchemaTests {
    @Test func tracesARealisticParamsStruct() throws {
        let schema = JSONSchema.infer(AddRuleParams.self)
        #expect(schema.type == .object)
        #expect(schema.required == ["src", "proto", "action", "tags", "metadata"])
        #expect(
            Set(schema.properties.keys) == [
                "src", "dst", "dport", "proto", "action", "position", "comment", "ttl", "tags", "metadata", "extra",
            ])
        #expect(
            schema.properties["src"] == JSONSchema.string(format: "ipv4", description: "where the traffic comes from"))
        #expect(schema.properties["dst"] == JSONSchema.string(format: "ipv4", description: "an IPv4 address"))
        #expect(schema.properties["proto"]?.enumValues == ["any", "tcp", "udp", "icmp"])
        #expect(schema.properties["action"]?.enumValues == ["ACCEPT", "DROP", "REJECT"])
        #expect(schema.properties["position"] == JSONSchema.integer(minimum: -2_147_483_648, maximum: 2_147_483_647))
        #expect(schema.properties["ttl"] == JSONSchema.number.described("seconds until the rule expires"))
        #expect(schema.properties["tags"] == .array(of: .string()))
        #expect(schema.properties["metadata"] == .object(properties: [:], additionalProperties: .schema(.integer())))
        #expect(schema.properties["extra"] == .any)

        let range = try #require(schema.properties["dport"])
        #expect(range.required == ["low", "high"])
        #expect(range.properties["low"] == .integer(minimum: 0, maximum: 65535))
    }

    @Test func tracesNestedArraysOfStructs() throws {
        let schema = JSONSchema.infer(ReplaceParams.self)
        #expect(schema.required == ["rules", "dryRun", "matrix"])
        #expect(schema.properties["rules"]?.type == .array)
        #expect(schema.properties["rules"]?.items == JSONSchema.infer(AddRuleParams.self))
        #expect(schema.properties["dryRun"] == .boolean)
        #expect(schema.properties["matrix"] == .array(of: .array(of: .integer(minimum: 0, maximum: 255))))
    }

    @Test func containsMakesAMemberOptionalAndNestedContainersAreRecorded() {
        let schema = JSONSchema.infer(LegacyParams.self)
        #expect(schema.required == ["limit", "filter"])
        #expect(schema.properties["verbose"] == .boolean)
        #expect(schema.properties["filter"] == .object(properties: ["host": .string()], required: ["host"]))
    }

    @Test func recursiveTypesAreCutOff() throws {
        let schema = JSONSchema.infer(TreeNode.self)
        #expect(schema.required == ["name", "children"])
        let items = try #require(schema.properties["children"]?.items)
        #expect(items.type == nil)
        #expect(items.description == "recursive reference to TreeNode")
        #expect(schema.properties["parent"]?.description == "recursive reference to TreeNode")
    }

    @Test func typesThatCannotBeBuiltAreReported() {
        #expect(throws: JSONSchemaTracingError.self) { try JSONSchema.traced(LinkedList.self) }

        struct Strict: Decodable {
            init(from decoder: any Decoder) throws {
                _ = try decoder.singleValueContainer().decode(String.self)
                throw AddressParseError()
            }
        }
        #expect(throws: JSONSchemaTracingError.self) { try JSONSchema.traced(Strict.self) }
    }

    @Test func primitivesAndTopLevelContainers() {
        #expect(JSONSchema.infer(String.self) == .string())
        #expect(JSONSchema.infer(Bool.self) == .boolean)
        #expect(JSONSchema.infer(Int.self) == .integer())
        #expect(JSONSchema.infer(UInt64.self) == .integer(minimum: 0))
        #expect(JSONSchema.infer(Int8.self) == .integer(minimum: -128, maximum: 127))
        #expect(JSONSchema.infer(Float.self) == .number)
        #expect(JSONSchema.infer([Double].self) == .array(of: .number))
        #expect(JSONSchema.infer(Int?.self) == .integer())
        #expect(JSONSchema.infer(JSONValue.self) == .any)
    }

    @Test func rendersAsJSONSchemaObjects() throws {
        var schema = JSONSchema.object(
            properties: ["port": .integer(minimum: 1, maximum: 65535), "mode": .enumeration(["a", "b"])],
            required: ["port"], additionalProperties: .allowed(false))
        schema.description = "params"
        schema.oneOf = [.string(), .array(of: .any)]
        #expect(
            schema.jsonValue.serializedString
                == #"{"additionalProperties":false,"description":"params","oneOf":[{"type":"string"},{"items":{},"type":"array"}],"#
                + #""properties":{"mode":{"enum":["a","b"],"type":"string"},"port":{"maximum":65535,"minimum":1,"type":"integer"}},"#
                + #""required":["port"],"type":"object"}"#)
        #expect(JSONSchema.any.jsonValue == [:])
    }

    @Test func examplesFitTheirSchema() throws {
        let schema = JSONSchema.object(
            properties: ["port": .integer(minimum: 1), "mode": .enumeration(["fast"]), "note": .string()],
            required: ["port", "mode"])
        #expect(schema.exampleValue == ["port": 1, "mode": "fast"])
    }
}
