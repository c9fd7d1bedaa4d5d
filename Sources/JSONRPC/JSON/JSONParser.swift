/// A strict RFC 8259 parser over a contiguous byte buffer.
///
/// Nesting is handled with an explicit stack rather than recursion, so the depth limit is the
/// only bound on input shape and a line of 100,000 `[` costs an error, not the thread's stack.
/// Strings are sliced straight out of the input when they contain no escapes; only escaped
/// strings go through a scratch buffer that is reused for the whole document.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    var index = 0
    private var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses exactly one value surrounded by optional whitespace.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw .unexpected(bytes[index], at: index) }
        return value
    }

    /// An array or object whose members are still being read. Members live on the parser's
    /// shared stack from `firstValue` on (objects as key, value, key, value, ...), so that each
    /// container is built once, at its final size, when it closes.
    private struct OpenContainer {
        var isObject: Bool
        var firstValue: Int
    }

    /// Parses one value at `index`. `enclosingDepth` containers are already open around it (a
    /// caller reading an object's members itself), and count against the depth limit.
    mutating func parseValue(enclosingDepth: Int = 0) throws(JSONParseError) -> JSONValue {
        // Containers this value may open; errors still name the whole document's limit.
        let openable = maxDepth - enclosingDepth
        var open: [OpenContainer] = []
        // Members of all open containers, innermost last; object keys are pushed as `.string`.
        var values: [JSONValue] = []
        parsing: while true {
            var value: JSONValue
            skipWhitespace()
            guard index < bytes.count else { throw .endOfInput(at: index) }
            switch bytes[index] {
            case ASCII.openBracket:
                guard open.count < openable else { throw .tooDeep(limit: maxDepth, at: index) }
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == ASCII.closeBracket {
                    index += 1
                    value = .array([])
                } else {
                    reserveStacks(&open, &values)
                    open.append(OpenContainer(isObject: false, firstValue: values.count))
                    continue
                }
            case ASCII.openBrace:
                guard open.count < openable else { throw .tooDeep(limit: maxDepth, at: index) }
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == ASCII.closeBrace {
                    index += 1
                    value = .object([:])
                } else {
                    reserveStacks(&open, &values)
                    open.append(OpenContainer(isObject: true, firstValue: values.count))
                    values.append(.string(try parseMemberKey()))
                    continue
                }
            case ASCII.quote:
                value = .string(try parseString())
            case ASCII.t:
                try expectLiteral(ASCII.trueLiteral)
                value = .bool(true)
            case ASCII.f:
                try expectLiteral(ASCII.falseLiteral)
                value = .bool(false)
            case ASCII.n:
                try expectLiteral(ASCII.nullLiteral)
                value = .null
            case ASCII.minus, ASCII.zero...ASCII.nine:
                value = try parseNumber()
            case let byte:
                throw .unexpected(byte, at: index)
            }

            // `value` is complete: hand it to the innermost open container, closing containers
            // for as long as their closing bracket follows.
            while let container = open.last {
                values.append(value)
                skipWhitespace()
                guard index < bytes.count else { throw .endOfInput(at: index) }
                let byte = bytes[index]
                index += 1
                if byte == ASCII.comma {
                    if container.isObject {
                        skipWhitespace()
                        values.append(.string(try parseMemberKey()))
                    }
                    continue parsing
                }
                let count = values.count - container.firstValue
                if container.isObject {
                    guard byte == ASCII.closeBrace else { throw .unexpected(byte, at: index - 1) }
                    var members = [String: JSONValue](minimumCapacity: count / 2)
                    for position in stride(from: container.firstValue, to: values.count, by: 2) {
                        guard case .string(let key) = values[position] else { preconditionFailure("keys are strings") }
                        members[key] = values[position + 1]
                    }
                    value = .object(members)
                } else {
                    guard byte == ASCII.closeBracket else { throw .unexpected(byte, at: index - 1) }
                    value = .array(Array(values[container.firstValue...]))
                }
                values.removeLast(count)
                open.removeLast()
            }
            return value
        }
    }

    /// The first container allocates both stacks with room for ordinary messages at once,
    /// rather than letting them double their way up from one element.
    @inline(__always)
    private func reserveStacks(_ open: inout [OpenContainer], _ values: inout [JSONValue]) {
        if open.isEmpty {
            open.reserveCapacity(8)
            values.reserveCapacity(32)
        }
    }

    /// Reads `"key"` and the colon after it; the caller has skipped leading whitespace.
    mutating func parseMemberKey() throws(JSONParseError) -> String {
        guard index < bytes.count else { throw .endOfInput(at: index) }
        guard bytes[index] == ASCII.quote else { throw .unexpected(bytes[index], at: index) }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count else { throw .endOfInput(at: index) }
        guard bytes[index] == ASCII.colon else { throw .unexpected(bytes[index], at: index) }
        index += 1
        return key
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn: index += 1
            default: return
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let expected = literal.utf8Start
        for offset in 0..<count {
            let position = index + offset
            guard position < bytes.count else { throw .endOfInput(at: position) }
            guard bytes[position] == expected[offset] else { throw .unexpected(bytes[position], at: position) }
        }
        index += count
    }
}

// MARK: - Strings

extension JSONParser {
    /// Parses a string; `index` is at the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = index + 1
        var position = start
        // Fast path: printable ASCII up to the closing quote becomes one String(decoding:) call.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.quote {
                index = position + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
            if byte == ASCII.backslash || byte < 0x20 || byte >= 0x80 { break }
            position += 1
        }
        return try parseStringSlowly(openingQuote: index, resumingAt: position)
    }

    private mutating func parseStringSlowly(
        openingQuote: Int, resumingAt resume: Int
    ) throws(JSONParseError) -> String {
        let start = openingQuote + 1
        var position = resume
        var runStart = start
        var unescaped = false
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case ASCII.quote:
                index = position + 1
                if !unescaped {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                return String(decoding: scratch, as: UTF8.self)
            case ASCII.backslash:
                if !unescaped {
                    unescaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                position = try appendEscape(at: position)
                runStart = position
            case 0..<0x20:
                throw JSONParseError(.unescapedControlCharacter(byte), at: position)
            case 0x80...:
                position = try validateUTF8Sequence(at: position)
            default:
                position += 1
            }
        }
        throw JSONParseError(.unterminatedString, at: openingQuote)
    }

    /// Decodes the escape at `position` (a backslash) into `scratch`; returns the index after it.
    private mutating func appendEscape(at position: Int) throws(JSONParseError) -> Int {
        guard position + 1 < bytes.count else { throw JSONParseError(.unterminatedString, at: position) }
        let escaped = bytes[position + 1]
        switch escaped {
        case ASCII.quote, ASCII.backslash, ASCII.slash: scratch.append(escaped)
        case ASCII.b: scratch.append(0x08)
        case ASCII.f: scratch.append(0x0C)
        case ASCII.n: scratch.append(ASCII.newline)
        case ASCII.r: scratch.append(ASCII.carriageReturn)
        case ASCII.t: scratch.append(ASCII.tab)
        case ASCII.u: return try appendUnicodeEscape(at: position)
        default: throw JSONParseError(.invalidEscape(escaped), at: position)
        }
        return position + 2
    }

    /// Decodes `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair, starting at `position`.
    private mutating func appendUnicodeEscape(at position: Int) throws(JSONParseError) -> Int {
        let first = try hexQuad(at: position + 2)
        var scalarValue = UInt32(first)
        var end = position + 6
        switch first {
        case 0xD800...0xDBFF:
            guard end + 1 < bytes.count, bytes[end] == ASCII.backslash, bytes[end + 1] == ASCII.u else {
                throw JSONParseError(.loneSurrogate, at: position)
            }
            let second = try hexQuad(at: end + 2)
            guard (0xDC00...0xDFFF).contains(second) else { throw JSONParseError(.loneSurrogate, at: position) }
            scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            end += 6
        case 0xDC00...0xDFFF:
            throw JSONParseError(.loneSurrogate, at: position)
        default:
            break
        }
        appendUTF8(scalarValue)
        return end
    }

    private func hexQuad(at position: Int) throws(JSONParseError) -> UInt16 {
        guard position + 4 <= bytes.count else { throw JSONParseError(.invalidUnicodeEscape, at: position - 2) }
        var result: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case ASCII.zero...ASCII.nine: digit = byte - ASCII.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidUnicodeEscape, at: position - 2)
            }
            result = result << 4 | UInt16(digit)
        }
        return result
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Checks one multi-byte UTF-8 sequence against the well-formed table of Unicode §3.9
    /// (Table 3-7), which rules out overlong forms, surrogates and values above U+10FFFF.
    /// Returns the index after the sequence.
    private func validateUTF8Sequence(at position: Int) throws(JSONParseError) -> Int {
        let lead = bytes[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw .invalidUTF8(at: position)
        }
        guard position + length <= bytes.count else { throw .invalidUTF8(at: position) }
        guard secondRange.contains(bytes[position + 1]) else { throw .invalidUTF8(at: position) }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 {
            throw .invalidUTF8(at: position)
        }
        return position + length
    }
}

// MARK: - Numbers

extension JSONParser {
    /// Parses a number; integers without fraction or exponent that fit in `Int` become `.int`.
    fileprivate mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var position = index
        let negative = bytes[position] == ASCII.minus
        if negative { position += 1 }

        // Integer part, accumulated as a negative number so that Int.min is reachable.
        var accumulator = 0
        var integerOverflow = false
        // Up to 19 significant decimal digits, for the exact double fast path.
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0

        guard position < bytes.count else { throw .endOfInput(at: position) }
        let first = bytes[position]
        if first == ASCII.zero {
            position += 1
            if position < bytes.count, ASCII.isDigit(bytes[position]) {
                throw .unexpected(bytes[position], at: position)
            }
        } else if ASCII.isDigit(first) {
            while position < bytes.count, ASCII.isDigit(bytes[position]) {
                let digit = Int(bytes[position] - ASCII.zero)
                if !integerOverflow {
                    let (times10, o1) = accumulator.multipliedReportingOverflow(by: 10)
                    let (next, o2) = times10.subtractingReportingOverflow(digit)
                    integerOverflow = o1 || o2
                    accumulator = next
                }
                Self.accumulate(digit, into: &mantissa, digits: &significantDigits, exponent: &decimalExponent)
                position += 1
            }
        } else {
            throw .unexpected(first, at: position)
        }

        var isInteger = true
        if position < bytes.count, bytes[position] == ASCII.period {
            isInteger = false
            position += 1
            guard position < bytes.count else { throw .endOfInput(at: position) }
            guard ASCII.isDigit(bytes[position]) else { throw .unexpected(bytes[position], at: position) }
            while position < bytes.count, ASCII.isDigit(bytes[position]) {
                Self.accumulate(
                    Int(bytes[position] - ASCII.zero), into: &mantissa, digits: &significantDigits,
                    exponent: &decimalExponent)
                decimalExponent -= 1
                position += 1
            }
        }
        if position < bytes.count, bytes[position] | 0x20 == ASCII.e {
            isInteger = false
            position += 1
            guard position < bytes.count else { throw .endOfInput(at: position) }
            var exponentNegative = false
            if bytes[position] == ASCII.plus || bytes[position] == ASCII.minus {
                exponentNegative = bytes[position] == ASCII.minus
                position += 1
                guard position < bytes.count else { throw .endOfInput(at: position) }
            }
            guard ASCII.isDigit(bytes[position]) else { throw .unexpected(bytes[position], at: position) }
            var exponent = 0
            while position < bytes.count, ASCII.isDigit(bytes[position]) {
                // Clamped: anything this large is out of range or zero either way.
                exponent = min(exponent * 10 + Int(bytes[position] - ASCII.zero), 100_000)
                position += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        index = position

        if isInteger && !integerOverflow {
            if !negative {
                let (positive, overflow) = (0).subtractingReportingOverflow(accumulator)
                if !overflow { return .int(positive) }
            } else if accumulator != 0 {
                return .int(accumulator)
            } else {
                return .double(-0.0)  // "-0" keeps its sign, so it round-trips as written.
            }
        }

        let magnitude: Double
        if significantDigits <= 15, let exact = Self.exactDouble(mantissa, decimalExponent) {
            magnitude = exact
        } else {
            let token = UnsafeBufferPointer(rebasing: bytes[start..<position])
            guard let parsed = Double(String(decoding: token, as: UTF8.self)) else {
                throw .unexpected(bytes[start], at: start)
            }
            guard parsed.isFinite else { throw JSONParseError(.numberOutOfRange, at: start) }
            return .double(parsed)
        }
        return .double(negative ? -magnitude : magnitude)
    }

    @inline(__always)
    private static func accumulate(_ digit: Int, into mantissa: inout UInt64, digits: inout Int, exponent: inout Int) {
        if mantissa == 0 && digit == 0 { return }  // leading zeros are not significant
        if digits < 19 {
            mantissa = mantissa &* 10 &+ UInt64(digit)
        } else {
            exponent += 1  // digits beyond 19 only scale; such numbers take the slow path anyway
        }
        digits += 1
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Clinger's fast path: a mantissa below 2^53 times an exactly representable power of ten
    /// is one correctly rounded IEEE operation.
    @inline(__always)
    private static func exactDouble(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        guard mantissa < 1 << 53 else { return nil }
        if mantissa == 0 { return 0 }
        if exponent >= 0 {
            return exponent <= 22 ? Double(mantissa) * powersOfTen[exponent] : nil
        }
        return exponent >= -22 ? Double(mantissa) / powersOfTen[-exponent] : nil
    }
}

/// The bytes the JSON grammar is made of.
enum ASCII {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let period = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let b = UInt8(ascii: "b")
    static let e = UInt8(ascii: "e")
    static let f = UInt8(ascii: "f")
    static let n = UInt8(ascii: "n")
    static let r = UInt8(ascii: "r")
    static let t = UInt8(ascii: "t")
    static let u = UInt8(ascii: "u")
    static let trueLiteral: StaticString = "true"
    static let falseLiteral: StaticString = "false"
    static let nullLiteral: StaticString = "null"

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }
}
