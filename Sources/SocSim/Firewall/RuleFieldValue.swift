/// A rule field as it arrived in JSON before validation: ports and TTLs may be numbers or
/// strings, and the error message must show which one the user sent.
package enum RuleFieldValue: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
}

extension RuleFieldValue: CustomStringConvertible {
    /// The value as JSON would print it: numbers bare, strings quoted.
    package var description: String {
        switch self {
        case .integer(let number): "\(number)"
        case .real(let number): "\(number)"
        case .text(let text): RuleFieldError.quoted(text)
        }
    }
}

extension RuleFieldValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    package init(integerLiteral value: Int64) { self = .integer(value) }
    package init(stringLiteral value: String) { self = .text(value) }
}

extension RuleFieldValue: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .real(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let number): try container.encode(number)
        case .real(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        }
    }
}
