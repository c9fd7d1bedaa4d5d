import SocProtocol

/// Everything `socd` is told on its command line. Defaults that depend on the environment
/// (socket and state paths) are resolved later by `RuntimePaths`.
package struct DaemonOptions: Sendable, Equatable {
    package var socketPath: String?
    package var stateDirectory: String?
    /// Exit after this long without connections; systemd re-activates on the next connect.
    package var exitIdleSeconds: Double?
    /// Nil: the level persisted by `system.setLogLevel`, else `info`.
    package var logLevel: LogLevel?
    package var adminGroup = "socd"
    package var maximumLineBytes = 1 << 20
    /// A connection whose unsent output passes this is cut off: it is not reading its replies.
    package var maximumOutputBytes = 16 << 20
    package var maximumConnections = 4096
    /// How long SIGTERM waits for in-flight requests before closing connections regardless.
    package var drainTimeoutSeconds = 5.0
    /// Event-loop threads; connections are spread over them.
    package var eventLoops = 2
    /// How long an event-loop thread keeps polling after activity before it sleeps (see
    /// `Epoll.wait(timeoutMilliseconds:afterPollingFor:_:)`); 0 sleeps at once.
    package var busyPollMicroseconds = 50
    /// The most `--busy-poll` accepts: beyond this, polling costs far more than a wake-up.
    package static let maximumBusyPollMicroseconds = 10_000

    /// `--busy-poll` in nanoseconds: for the event loops after activity, and for the store's
    /// writer after a batch.
    package var busyPollNanoseconds: UInt64 { UInt64(busyPollMicroseconds) * 1_000 }

    /// While a connection waits for a deferred reply (a durable commit: a few hundred
    /// microseconds), its loop polls for up to this long instead of sleeping until the writer
    /// wakes it; only when busy polling is on.
    package var inFlightPollNanoseconds: UInt64 { busyPollMicroseconds > 0 ? 1_000_000 : 0 }
    /// How commits reach the disk. `full` (the default) fsyncs every group commit, so an
    /// acknowledged change survives power loss; `normal` leaves that to checkpoints, so it
    /// survives a crash of socd (kill -9) but not of the machine, at a fraction of the latency.
    package var durability = Durability.full

    package enum Durability: String, Sendable, Equatable, CaseIterable {
        case full, normal
    }

    package init() {}
}

/// What the command line asked for.
package enum DaemonCommand: Sendable, Equatable {
    case run(DaemonOptions)
    case help
    case version
}

/// A bad command line: the message names the offending argument.
package struct DaemonUsageError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}

extension DaemonOptions {
    package static let usage = """
        Usage: socd [OPTIONS]

        socd — a Security Operations Center in a box. Runs in the foreground and serves
        newline-delimited JSON-RPC 2.0 on a Unix socket (socket-activated under systemd).

        Options:
          --socket PATH            Listen on PATH instead of the systemd socket or the default
          --state-dir DIR          Keep socd.db and the install secret in DIR
          --exit-idle SECONDS      Exit after SECONDS without connections
          --log-level LEVEL        trace, debug, info, notice, warning or error
          --admin-group NAME       Members may change state (default: socd)
          --max-line-bytes N       Longest request line accepted (default: 1048576)
          --max-output-bytes N     Unsent output that cuts a client off (default: 16777216)
          --max-connections N      Connections served at once (default: 4096)
          --drain-timeout SECONDS  Grace period for in-flight requests at shutdown (default: 5)
          --event-loops N          I/O threads (default: 2)
          --busy-poll MICROSECONDS I/O threads poll this long after activity before
                                   sleeping, for lower latency (default: 50; 0: off)
          --durability MODE        full: fsync each commit (default); normal: survive
                                   a socd crash but not a power loss, much faster
          -h, --help               Show this help
          --version                Show the version

        Environment: SOCD_SOCKET, SOCD_STATE_DIR, RUNTIME_DIRECTORY, STATE_DIRECTORY,
        XDG_RUNTIME_DIR, XDG_STATE_HOME, NOTIFY_SOCKET, WATCHDOG_USEC, JOURNAL_STREAM.
        See socd(8).
        """

    /// Parses socd's arguments (without the program name).
    package static func parse(_ arguments: [String]) throws(DaemonUsageError) -> DaemonCommand {
        var options = DaemonOptions()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(DaemonUsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else {
                    throw DaemonUsageError(message: "\(name) needs a value")
                }
                return next
            }
            func number<N: LosslessStringConvertible & Comparable>(
                _ type: N.Type, atLeast minimum: N
            ) throws(DaemonUsageError) -> N {
                let text = try value()
                guard let parsed = N(text), parsed >= minimum else {
                    throw DaemonUsageError(message: "\(name): \"\(text)\" is not a number of at least \(minimum)")
                }
                return parsed
            }
            switch name {
            case "-h", "--help": return .help
            case "--version": return .version
            case "--socket": options.socketPath = try value()
            case "--state-dir": options.stateDirectory = try value()
            case "--exit-idle": options.exitIdleSeconds = try number(Double.self, atLeast: 0)
            case "--log-level":
                let text = try value()
                guard let level = LogLevel(rawValue: text.lowercased()) else {
                    let names = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
                    throw DaemonUsageError(message: "--log-level: \"\(text)\" is not one of \(names)")
                }
                options.logLevel = level
            case "--admin-group": options.adminGroup = try value()
            case "--max-line-bytes": options.maximumLineBytes = try number(Int.self, atLeast: 64)
            case "--max-output-bytes": options.maximumOutputBytes = try number(Int.self, atLeast: 4096)
            case "--max-connections": options.maximumConnections = try number(Int.self, atLeast: 1)
            case "--drain-timeout": options.drainTimeoutSeconds = try number(Double.self, atLeast: 0)
            case "--event-loops": options.eventLoops = try number(Int.self, atLeast: 1)
            case "--busy-poll":
                let microseconds = try number(Int.self, atLeast: 0)
                guard microseconds <= maximumBusyPollMicroseconds else {
                    throw DaemonUsageError(
                        message: "--busy-poll: \(microseconds) is more than \(maximumBusyPollMicroseconds) microseconds"
                    )
                }
                options.busyPollMicroseconds = microseconds
            case "--durability":
                let text = try value()
                guard let durability = Durability(rawValue: text.lowercased()) else {
                    throw DaemonUsageError(message: "--durability: \"\(text)\" is not one of full, normal")
                }
                options.durability = durability
            default:
                throw DaemonUsageError(message: "unknown argument \"\(argument)\"")
            }
            if inlineValue != nil, ["-h", "--help", "--version"].contains(name) {
                throw DaemonUsageError(message: "\(name) takes no value")
            }
        }
        if let empty = [options.socketPath, options.stateDirectory].compactMap({ $0 }).first(where: \.isEmpty) {
            _ = empty
            throw DaemonUsageError(message: "paths must not be empty")
        }
        return .run(options)
    }
}
