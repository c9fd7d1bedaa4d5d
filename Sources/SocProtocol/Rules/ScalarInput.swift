import JSONRPC

/// A field a user may give as a JSON number or a string: ports (`80`, `"80"`, `"1000-2000"`,
/// `"ANY"`) and durations (`3600`, `"1h"`). The daemon validates the text; this type only
/// carries it, so that every rule field is parsed by the one rule parser.
package enum ScalarInput: Codable, Sendable, Hashable, CustomStringConvertible, JSONSchemaProviding,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral
{
    case number(Int)
    case text(String)

    package init(stringLiteral value: String) { self = .text(value) }
    package init(integerLiteral value: Int) { self = .number(value) }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a number or a string")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        }
    }

    /// The value as the rule parser reads it.
    package var description: String {
        switch self {
        case .number(let number): String(number)
        case .text(let text): text
        }
    }

    package static var jsonSchema: JSONSchema { .oneOf([.integer(), .string()]) }
    package static var jsonSchemaExample: JSONValue { .string("ANY") }
}
