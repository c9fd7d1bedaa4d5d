/// Why a byte sequence is not a JSON document, and where the parser noticed.
///
/// `offset` counts bytes from the start of the input (0-based), so a client can find the spot in
/// the line it sent; `description` is the message that goes into a JSON-RPC -32700 reply.
package struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Reason: Sendable, Hashable {
        /// A byte that cannot start or continue the value at this position.
        case unexpectedCharacter(UInt8)
        case unexpectedEndOfInput
        /// A string contains bytes that are not well-formed UTF-8 (overlong forms, encoded
        /// surrogates and code points above U+10FFFF included).
        case invalidUTF8
        case nestingTooDeep(limit: Int)
        /// End of input inside a string; `offset` is where the string began.
        case unterminatedString
        /// A byte below 0x20 inside a string, which JSON requires to be escaped.
        case unescapedControlCharacter(UInt8)
        case invalidEscape(UInt8)
        case invalidUnicodeEscape
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high/low pair.
        case loneSurrogate
        /// A number whose magnitude does not fit in a `Double`.
        case numberOutOfRange
    }

    package var offset: Int
    package var reason: Reason

    package init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    package var description: String {
        let position = "at byte \(offset)"
        switch reason {
        case .unexpectedCharacter(let byte):
            return "unexpected \(Self.describe(byte)) \(position)"
        case .unexpectedEndOfInput:
            return "unexpected end of input \(position)"
        case .invalidUTF8:
            return "invalid UTF-8 \(position)"
        case .nestingTooDeep(let limit):
            return "nesting deeper than \(limit) levels \(position)"
        case .unterminatedString:
            return "unterminated string starting \(position)"
        case .unescapedControlCharacter(let byte):
            return "unescaped control character \(Self.hex(byte)) in string \(position)"
        case .invalidEscape(let byte):
            return "invalid escape sequence '\\\(Self.printable(byte) ?? Self.hex(byte))' \(position)"
        case .invalidUnicodeEscape:
            return "invalid \\u escape \(position)"
        case .loneSurrogate:
            return "unpaired UTF-16 surrogate in \\u escape \(position)"
        case .numberOutOfRange:
            return "number out of range \(position)"
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        if let character = printable(byte) { return "character '\(character)'" }
        return "byte \(hex(byte))"
    }

    private static func printable(_ byte: UInt8) -> String? {
        (0x21..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }
}

extension JSONParseError {
    static func unexpected(_ byte: UInt8, at offset: Int) -> Self { Self(.unexpectedCharacter(byte), at: offset) }
    static func endOfInput(at offset: Int) -> Self { Self(.unexpectedEndOfInput, at: offset) }
    static func invalidUTF8(at offset: Int) -> Self { Self(.invalidUTF8, at: offset) }
    static func tooDeep(limit: Int, at offset: Int) -> Self { Self(.nestingTooDeep(limit: limit), at: offset) }
}
