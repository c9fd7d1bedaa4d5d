import Foundation
import Glibc
import Synchronization

/// A process the test started with posix_spawn: stdin from /dev/null, stdout and stderr to
/// files in the test's scratch directory (files, not pipes, so a chatty child never blocks).
///
/// A child still running when the object goes away is killed and reaped, so a failing test
/// leaves no daemon behind.
final class ChildProcess: Sendable {
    let pid: pid_t
    let executable: String
    let arguments: [String]
    let standardOutputPath: String
    let standardErrorPath: String
    /// The wait status once reaped.
    private let reaped = Mutex<Int32?>(nil)

    /// - Parameters:
    ///   - environment: added to (and overriding) the test process's environment; a nil value removes a variable.
    init(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:], outputPrefix: String
    ) throws {
        self.executable = executable
        self.arguments = arguments
        standardOutputPath = outputPrefix + ".out"
        standardErrorPath = outputPrefix + ".err"

        var merged = ProcessInfo.processInfo.environment
        // Never let the daemon think it runs under systemd unless the test says so.
        for name in ["NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "JOURNAL_STREAM"] {
            merged[name] = nil
        }
        for (name, value) in environment { merged[name] = value }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, standardErrorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        // The child gets default dispositions and an empty mask whatever this thread has blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(executable: executable, errno: result) }
        pid = child
    }

    deinit {
        if reaped.withLock({ $0 }) == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }

    func signal(_ signal: Int32) {
        if reaped.withLock({ $0 }) == nil { kill(pid, signal) }
    }

    /// The exit status once the child has exited; nil if it was killed by a signal or has not exited.
    var exitStatus: Int32? {
        guard let status = reaped.withLock({ $0 }), status & 0x7f == 0 else { return nil }
        return (status >> 8) & 0xff
    }

    /// The signal that ended the child, if one did.
    var terminatingSignal: Int32? {
        guard let status = reaped.withLock({ $0 }), status & 0x7f != 0 else { return nil }
        return status & 0x7f
    }

    /// Reaps the child if it has exited, without waiting.
    var hasExited: Bool {
        if reaped.withLock({ $0 }) != nil { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return false }
        reaped.withLock { $0 = status }
        return true
    }

    /// Waits up to `timeout` seconds for the child to exit. Returns whether it did.
    @discardableResult
    func waitForExit(timeout: Double) -> Bool {
        eventually(timeout: timeout, interval: 0.002) { hasExited }
    }

    /// Kills the child and waits for it.
    func kill9() {
        signal(SIGKILL)
        _ = waitForExit(timeout: 10)
    }

    var standardOutput: String { (try? String(contentsOfFile: standardOutputPath, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOfFile: standardErrorPath, encoding: .utf8)) ?? "" }

    /// The process's command name from /proc (what `exec` made of it), or nil once it is gone.
    var commandName: String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct SpawnError: Error, CustomStringConvertible {
    var executable: String
    var errno: Int32
    var description: String { "posix_spawn \(executable): \(String(cString: strerror(errno)))" }
}

extension ChildProcess {
    /// Runs a program to completion (bounded by `timeout`) and returns its exit status, or nil
    /// when it did not exit normally in time.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:], outputPrefix: String,
        timeout: Double = 10
    ) throws -> (status: Int32?, output: String, error: String) {
        let child = try ChildProcess(executable, arguments, environment: environment, outputPrefix: outputPrefix)
        guard child.waitForExit(timeout: timeout) else {
            child.kill9()
            return (nil, child.standardOutput, child.standardError)
        }
        return (child.exitStatus, child.standardOutput, child.standardError)
    }
}
