import Glibc
import SocDaemon
import SocPOSIX

/// A server under test, running as its own process on a socket in a temporary directory:
/// the real `socd`, or the echo baseline.
struct ServerProcess {
    /// How the tables name it.
    let name: String
    let socketPath: String
    let process: ChildProcess
    /// Nanoseconds from just before posix_spawn until the server said (or showed) it was ready:
    /// READY=1 on NOTIFY_SOCKET for socd, the first accepted connect for the echo server.
    let startNanoseconds: Double
    private let standardErrorPath: String

    /// Event-loop threads for both servers: socd's default, so the baseline matches it.
    static let eventLoops = 2
    /// Polling after activity for both servers: socd's default `--busy-poll`, so the baseline
    /// matches it.
    static let busyPollMicroseconds = DaemonOptions().busyPollMicroseconds

    /// Starts socd with a fresh socket and the state directory `stateDirectory` (created when
    /// missing), and waits for READY=1 on a NOTIFY_SOCKET of our own. `options` are added to
    /// socd's command line (for example `--durability normal`).
    static func socd(
        _ paths: BenchmarkPaths, in directory: TemporaryDirectory, stateDirectory: String? = nil,
        label: String = "socd", options: [String] = []
    ) throws -> ServerProcess {
        let socketPath = directory.file("\(label).sock")
        let notifyPath = directory.file("\(label).notify")
        let logPath = directory.file("\(label).log")
        unlink(notifyPath)
        let notify: FileDescriptor
        do {
            notify = try UnixDatagramSocket.bind(path: notifyPath, nonblocking: true)
        } catch {
            throw BenchmarkFailure.system(error)
        }
        defer {
            try? notify.close()
            unlink(notifyPath)
        }
        let environment = ChildProcess.environment(
            setting: ["NOTIFY_SOCKET": notifyPath],
            removing: ["JOURNAL_STREAM", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID"])
        let arguments =
            [
                "--socket", socketPath, "--state-dir", stateDirectory ?? directory.file("\(label)-state"),
                "--log-level", "warning", "--event-loops", String(eventLoops),
                "--busy-poll", String(busyPollMicroseconds),
            ] + options
        let start = Stopwatch.now
        let process = try ChildProcess.spawn(
            paths.socd, arguments, environment: environment, standardErrorPath: logPath)
        let ready = waitForReadyNotification(on: notify, from: process)
        let elapsed = Stopwatch.elapsed(since: start)
        guard ready else {
            process.terminate()
            throw BenchmarkFailure.serverDidNotStart(
                "socd", detail: "no READY=1 within 10 s; its log: \(tail(of: logPath))")
        }
        return ServerProcess(
            name: label, socketPath: socketPath, process: process, startNanoseconds: elapsed,
            standardErrorPath: logPath)
    }

    /// Starts the echo baseline (this executable in its echo-server mode) and waits until a
    /// connect succeeds.
    static func echo(_ paths: BenchmarkPaths, in directory: TemporaryDirectory) throws -> ServerProcess {
        let socketPath = directory.file("echo.sock")
        let logPath = directory.file("echo.log")
        unlink(socketPath)
        let start = Stopwatch.now
        let process = try ChildProcess.spawn(
            paths.benchmark, [EchoServer.commandName, socketPath, String(eventLoops), String(busyPollMicroseconds)],
            environment: ChildProcess.environment(), standardErrorPath: logPath)
        let deadline = start + 10_000_000_000
        while true {
            if let probe = try? UnixSocket.connect(path: socketPath) {
                let elapsed = Stopwatch.elapsed(since: start)
                try? probe.close()
                return ServerProcess(
                    name: "echo", socketPath: socketPath, process: process, startNanoseconds: elapsed,
                    standardErrorPath: logPath)
            }
            if Stopwatch.now > deadline || process.hasExited() {
                process.terminate()
                throw BenchmarkFailure.serverDidNotStart(
                    "the echo server", detail: "no connection within 10 s; \(tail(of: logPath))")
            }
            usleep(20)
        }
    }

    /// Sends SIGTERM and waits; returns nanoseconds until the process was gone.
    @discardableResult
    func stop() -> Double {
        Stopwatch.time { process.terminate() }
    }

    func residentSetBytes() -> Int? { process.residentSetBytes() }

    /// What the server wrote to stderr, for failure messages.
    var logTail: String { Self.tail(of: standardErrorPath) }

    private static func waitForReadyNotification(on socket: FileDescriptor, from process: ChildProcess) -> Bool {
        let deadline = Stopwatch.now + 10_000_000_000
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Stopwatch.now < deadline {
            var poller = pollfd(fd: socket.rawValue, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 50) > 0 {
                let result = buffer.withUnsafeMutableBytes { try? socket.read(into: $0) }
                if case .bytes(let count)? = result {
                    let message = String(decoding: buffer[..<count], as: UTF8.self)
                    if message.split(separator: "\n").contains("READY=1") { return true }
                }
            } else if process.hasExited() {
                return false
            }
        }
        return false
    }

    private static func tail(of path: String) -> String {
        guard let file = fopen(path, "r") else { return "(no log)" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        let text = String(decoding: bytes.suffix(600), as: UTF8.self)
        return text.isEmpty ? "(empty log)" : text
    }
}
