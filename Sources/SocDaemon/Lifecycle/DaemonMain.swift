import Glibc
import SocPOSIX
import SocProtocol
import SocStore

/// `socd`'s entry point: parses the command line and runs the daemon until it is told to stop.
package enum DaemonMain {
    /// Returns the process exit status: 0 after a clean stop, 64 for a bad command line, 1 when
    /// something needed at start (the database, the socket) is not available.
    package static func run(arguments: [String]) -> Int32 {
        let command: DaemonCommand
        do {
            command = try DaemonOptions.parse(arguments)
        } catch {
            writeStandardError("socd: \(error)\nTry 'socd --help'.\n")
            return 64
        }
        switch command {
        case .help:
            writeStandardOutput(DaemonOptions.usage + "\n")
            return 0
        case .version:
            writeStandardOutput(
                "socd \(SocdVersion.release) (revision \(BuildInfo.revision), SQLite \(Store.sqliteVersion))\n")
            return 0
        case .run(let options):
            do {
                let daemon = try Daemon(options: options)
                return daemon.run()
            } catch {
                // Logged where it happened when a logger existed; always said on stderr as well.
                writeStandardError("socd: \(error)\n")
                return 1
            }
        }
    }

    static func writeStandardError(_ text: String) { write(text, to: STDERR_FILENO) }
    static func writeStandardOutput(_ text: String) { write(text, to: STDOUT_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var rest = UnsafeRawBufferPointer(bytes)
            while !rest.isEmpty, case .written(let count)? = try? FileDescriptor(rawValue: descriptor).write(rest) {
                rest = UnsafeRawBufferPointer(rebasing: rest[count...])
            }
        }
    }
}
