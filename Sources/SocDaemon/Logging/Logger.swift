import Glibc
import SocProtocol
import Synchronization

/// socd's log: leveled messages to the journal when stderr is connected to it, else to stderr.
///
/// Safe from any thread: the level is an atomic, and each message leaves in one `write(2)` or
/// one `sd_journal_sendv` call, so lines from different threads never interleave.
package final class Logger: Sendable {
    package enum Sink: Sendable {
        case standardError
        case journal
        /// Collects lines in memory (tests).
        case memory(LogCapture)
    }

    private let levelRank: Atomic<Int>
    private let sink: Sink
    private let identifier: String

    package init(level: LogLevel, sink: Sink, identifier: String = "socd") {
        self.levelRank = Atomic(LogLevel.allCases.firstIndex(of: level)!)
        self.sink = sink
        self.identifier = identifier
    }

    /// The journal when systemd connected stderr to it, stderr otherwise.
    package static func automaticSink() -> Sink {
        Systemd.stderrIsJournalStream() ? .journal : .standardError
    }

    package var level: LogLevel {
        get { LogLevel.allCases[levelRank.load(ordering: .relaxed)] }
        set { levelRank.store(LogLevel.allCases.firstIndex(of: newValue)!, ordering: .relaxed) }
    }

    package func isEnabled(_ level: LogLevel) -> Bool {
        LogLevel.allCases.firstIndex(of: level)! >= levelRank.load(ordering: .relaxed)
    }

    /// Logs `message` (built only when the level is enabled) with structured fields for the journal.
    package func log(_ level: LogLevel, _ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        guard isEnabled(level) else { return }
        let text = message()
        switch sink {
        case .journal:
            var journalFields = fields.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
            journalFields.append((name: "SOCD_LEVEL", value: level.rawValue))
            Journal.send(
                priority: JournalPriority(rawValue: level.syslogPriority) ?? .info, message: text, fields: journalFields
            )
        case .standardError:
            var line = "\(identifier): \(level.rawValue): \(text)"
            if !fields.isEmpty {
                line +=
                    " "
                    + fields.sorted { $0.key < $1.key }.map { "\($0.key.lowercased())=\($0.value)" }.joined(
                        separator: " ")
            }
            line += "\n"
            line.withUTF8 { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    if written <= 0 { return }
                    offset += written
                }
            }
        case .memory(let capture):
            capture.append("\(level.rawValue): \(text)")
        }
    }

    package func trace(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.trace, message(), fields: fields)
    }
    package func debug(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.debug, message(), fields: fields)
    }
    package func info(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.info, message(), fields: fields)
    }
    package func notice(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.notice, message(), fields: fields)
    }
    package func warning(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.warning, message(), fields: fields)
    }
    package func error(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.error, message(), fields: fields)
    }
}

/// Log lines kept in memory, for tests that check what the daemon said.
package final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    package init() {}

    package func append(_ line: String) { lines.withLock { $0.append(line) } }

    package var all: [String] { lines.withLock { $0 } }
}
