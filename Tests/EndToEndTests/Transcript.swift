import JSONRPC

/// A conversation with socd written down, in the manner of go-ethereum's `rpc/testdata`:
///
/// ```
/// // a comment
/// //! socd --max-line-bytes 4096        extra arguments for the daemon this file runs against
/// --> {"jsonrpc":"2.0","id":1,"method":"system.ping"}     sent, with a newline
/// <-- {"id":1,"jsonrpc":"2.0","result":{"pong":true}}     the exact reply line expected
/// ==> bytes {"id":1,"x":"\xff"}\x0d    sent with \xHH escapes decoded, then a newline
/// ==> repeat 100000 [                  the text repeated, then a newline
/// ```
///
/// Consecutive sends go out in one write before the replies after them are read, so a run of
/// `-->` lines is a pipelined burst. A send that gets no `<--` gets no reply: at the end of the
/// file the client half-closes and socd must close without sending anything more.
///
/// An expected line is compared byte for byte, unless it holds a placeholder string standing
/// for a value that changes from run to run: `"<*>"` (anything), `"<int>"`, `"<number>"`,
/// `"<string>"`. Then both lines are compared as JSON, placeholders matching by type, and the
/// reply must still be compact with sorted keys.
struct Transcript {
    enum Step {
        case send([UInt8], line: Int)
        case expect(String, line: Int)
    }

    let name: String
    let daemonArguments: [String]
    let steps: [Step]

    init(name: String, text: String) throws {
        self.name = name
        var arguments: [String] = []
        var steps: [Step] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = String(raw)
            if line.hasPrefix("//! socd ") {
                arguments += line.dropFirst("//! socd ".count).split(separator: " ").map(String.init)
            } else if line.hasPrefix("//") || line.allSatisfy(\.isWhitespace) {
                continue
            } else if line.hasPrefix("--> ") {
                steps.append(.send(Array(line.dropFirst(4).utf8) + [0x0A], line: number))
            } else if line.hasPrefix("<-- ") {
                steps.append(.expect(String(line.dropFirst(4)), line: number))
            } else if line.hasPrefix("==> bytes ") {
                steps.append(
                    .send(try Self.unescape(line.dropFirst("==> bytes ".count), line: number) + [0x0A], line: number))
            } else if line.hasPrefix("==> repeat ") {
                let parts = line.dropFirst("==> repeat ".count).split(separator: " ", maxSplits: 1)
                guard parts.count == 2, let count = Int(parts[0]) else {
                    throw TranscriptError("\(name):\(number): expected ==> repeat COUNT TEXT")
                }
                steps.append(
                    .send(Array(String(repeating: String(parts[1]), count: count).utf8) + [0x0A], line: number))
            } else {
                throw TranscriptError("\(name):\(number): a line must start with -->, <--, ==>, // or be blank")
            }
        }
        daemonArguments = arguments
        self.steps = steps
    }

    /// Decodes `\xHH`; every other character stands for its own UTF-8.
    private static func unescape(_ text: Substring, line: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = text[...]
        while let backslash = rest.range(of: "\\x") {
            bytes += Array(rest[..<backslash.lowerBound].utf8)
            let hex = rest[backslash.upperBound...].prefix(2)
            guard hex.count == 2, let value = UInt8(hex, radix: 16) else {
                throw TranscriptError("line \(line): \\x needs two hex digits")
            }
            bytes.append(value)
            rest = rest[rest.index(backslash.upperBound, offsetBy: 2)...]
        }
        return bytes + Array(rest.utf8)
    }
}

struct TranscriptError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Compares a reply with a transcript's expected line.
enum TranscriptMatch {
    static let placeholders: Set<String> = ["<*>", "<int>", "<number>", "<string>"]

    /// Nil when `actual` matches `expected`, else why not.
    static func mismatch(expected: String, actual: [UInt8]) -> String? {
        let actualText = String(decoding: actual, as: UTF8.self)
        guard placeholders.contains(where: { expected.contains("\"\($0)\"") }) else {
            return actual == Array(expected.utf8) ? nil : "expected \(expected)\n     got \(actualText)"
        }
        guard let pattern = try? JSONValue(parsing: expected) else {
            return "the expected line is not JSON: \(expected)"
        }
        guard let value = try? JSONValue(parsing: actual) else { return "the reply is not JSON: \(actualText)" }
        guard value.serializedBytes == actual else { return "the reply is not compact with sorted keys: \(actualText)" }
        return matches(pattern, value) ? nil : "expected \(expected)\n     got \(actualText)"
    }

    private static func matches(_ pattern: JSONValue, _ value: JSONValue) -> Bool {
        switch (pattern, value) {
        case (.string("<*>"), _): return true
        case (.string("<int>"), .int): return true
        case (.string("<number>"), .int), (.string("<number>"), .double): return true
        case (.string("<string>"), .string): return true
        case (.array(let patterns), .array(let values)):
            return patterns.count == values.count && zip(patterns, values).allSatisfy(matches)
        case (.object(let patterns), .object(let values)):
            return patterns.keys.sorted() == values.keys.sorted()
                && patterns.allSatisfy { key, pattern in matches(pattern, values[key]!) }
        default:
            return pattern == value
        }
    }
}
