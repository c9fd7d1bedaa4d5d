/// A refused indicator or an unreadable feed; `line` is 1-based where the input has lines.
package struct IntelError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: String, Sendable, Hashable {
        case invalidValue, unrecognizedValue, confidenceOutOfRange, invalidFeed
    }

    package var kind: Kind
    package var message: String
    package var line: Int?

    package var description: String { line.map { "line \($0): \(message)" } ?? message }

    /// The same error, located at `line` of the input.
    package func at(line: Int) -> IntelError {
        var copy = self
        copy.line = copy.line ?? line
        return copy
    }

    package static func invalidValue(_ value: String, kind: IndicatorKind) -> IntelError {
        IntelError(kind: .invalidValue, message: "'\(value)' is not a valid \(kind.rawValue) indicator", line: nil)
    }

    package static func unrecognizedValue(_ value: String) -> IntelError {
        IntelError(
            kind: .unrecognizedValue,
            message: "cannot tell what '\(value)' is (expected an IPv4 address, CIDR, domain, URL or SHA-256)",
            line: nil)
    }

    package static func confidenceOutOfRange(_ confidence: Int) -> IntelError {
        IntelError(kind: .confidenceOutOfRange, message: "confidence \(confidence) is outside 0-100", line: nil)
    }

    package static func invalidFeed(_ message: String, line: Int? = nil) -> IntelError {
        IntelError(kind: .invalidFeed, message: message, line: line)
    }
}
