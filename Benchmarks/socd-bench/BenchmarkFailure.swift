import Glibc
import SocPOSIX

/// A benchmark that could not be run as designed: a server that did not start, a reply that
/// was not the one expected. The message says what happened and where to look.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String

    static func serverDidNotStart(_ name: String, detail: String) -> BenchmarkFailure {
        BenchmarkFailure(description: "\(name) did not start: \(detail)")
    }

    static func unexpectedReply(from name: String, expected: String, got: [UInt8]) -> BenchmarkFailure {
        let shown = String(decoding: got.prefix(200), as: UTF8.self)
        return BenchmarkFailure(description: "\(name) replied \"\(shown)\", expected \(expected)")
    }

    static func connectionClosed(by name: String, afterReplies count: Int) -> BenchmarkFailure {
        BenchmarkFailure(description: "\(name) closed the connection after \(count) replies")
    }

    static func system(_ error: any Error) -> BenchmarkFailure {
        BenchmarkFailure(description: "\(error)")
    }

    static func other(_ message: String) -> BenchmarkFailure {
        BenchmarkFailure(description: message)
    }
}

/// Writes a diagnostic line to stderr (fd 2), unbuffered.
func printToStandardError(_ text: String) {
    var line = Array(text.utf8)
    line.append(UInt8(ascii: "\n"))
    _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
