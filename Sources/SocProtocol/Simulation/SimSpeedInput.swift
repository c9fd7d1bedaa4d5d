import JSONRPC

/// `sim.speed`'s value: a number of ticks per second, or the word `paused`.
package enum SimSpeedInput: Codable, Sendable, Hashable, JSONSchemaProviding {
    case ticksPerSecond(Double)
    case paused

    /// The speeds the clock accepts; beyond 1000 a tick's work no longer fits its share of a second.
    package static let range: ClosedRange<Double> = 0.1...1000

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .ticksPerSecond(number)
        } else if let text = try? container.decode(String.self), text.lowercased() == "paused" {
            self = .paused
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected ticks per second (0.1-1000) or \"paused\"")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .ticksPerSecond(let rate): try container.encode(rate)
        case .paused: try container.encode("paused")
        }
    }

    package static var jsonSchema: JSONSchema { .oneOf([.number, .enumeration(["paused"])]) }
    package static var jsonSchemaExample: JSONValue { .int(10) }
}
