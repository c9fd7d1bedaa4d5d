import Foundation
import JSONRPC
import SocPOSIX
import Testing

/// The built `socd`, run as its own process on a socket and state dir of a test's own.
final class RulesE2EDaemon {
    let socketPath: String
    let stateDirectory: String
    let logPath: String
    private(set) var process: Process?

    init(socketPath: String, stateDirectory: String, logPath: String) {
        self.socketPath = socketPath
        self.stateDirectory = stateDirectory
        self.logPath = logPath
    }

    deinit {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// `socd` next to the test bundle (SwiftPM builds both into the same directory), or
    /// `$SOCD_BINARY`.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["SOCD_BINARY"] { return path }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // The bundle is `<build>/socdPackageTests.xctest` (a file on Linux); look upwards a little.
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("socd").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("socd").path
    }

    /// Starts socd and waits (at most 10 s) until its socket answers `system.ping`.
    func start() throws {
        let process = try launch()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if !process.isRunning {
                throw RulesE2EError("socd exited with status \(process.terminationStatus): \(log)")
            }
            if let client = try? RulesE2EClient(path: socketPath), (try? client.call("system.ping")) != nil { return }
            usleep(20_000)
        }
        throw RulesE2EError("socd did not answer within 10 s: \(log)")
    }

    /// Runs socd expecting it to refuse to start; returns its exit status (waits at most 10 s).
    func runExpectingFailure() throws -> Int32 {
        let process = try launch()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard !process.isRunning else { throw RulesE2EError("socd kept running: \(log)") }
        return process.terminationStatus
    }

    private func launch() throws -> Process {
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["--socket", socketPath, "--state-dir", stateDirectory, "--drain-timeout", "2"]
        var environment = ProcessInfo.processInfo.environment
        for name in ["NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "WATCHDOG_USEC", "JOURNAL_STREAM"] {
            environment[name] = nil
        }
        process.environment = environment
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        self.process = process
        return process
    }

    /// Everything socd wrote to stderr so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` and waits (at most 10 s) for socd to exit; returns its status.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) throws -> Int32 {
        guard let process else { return 0 }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        guard !process.isRunning else { throw RulesE2EError("socd did not exit after signal \(signal)") }
        self.process = nil
        return process.terminationStatus
    }
}

/// One connection to socd: a request line out, its reply line back, with bounded waits.
final class RulesE2EClient {
    private let descriptor: FileDescriptor
    private var buffer: [UInt8] = []
    private var nextID = 1

    init(path: String) throws {
        descriptor = try UnixSocket.connect(path: path, timeout: .seconds(5))
    }

    deinit { try? descriptor.close() }

    /// The whole reply to `method`.
    func reply(_ method: String, _ params: JSONValue = [:]) throws -> JSONValue {
        let id = nextID
        nextID += 1
        let request: JSONValue = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
        let bytes = Array((request.serializedString + "\n").utf8)
        try bytes.withUnsafeBytes { try descriptor.sendAll($0) }
        while true {
            let line = try nextLine()
            if line["id"] == .int(id) { return line }
        }
    }

    /// The result of `method`; throws with the error reply otherwise.
    @discardableResult
    func call(_ method: String, _ params: JSONValue = [:]) throws -> JSONValue {
        let reply = try reply(method, params)
        guard let result = reply["result"] else { throw RulesE2EError("\(method): \(reply.serializedString)") }
        return result
    }

    /// The error object of `method`'s reply; throws if it succeeded.
    func error(_ method: String, _ params: JSONValue = [:]) throws -> JSONValue {
        let reply = try reply(method, params)
        guard let error = reply["error"] else { throw RulesE2EError("\(method) succeeded: \(reply.serializedString)") }
        return error
    }

    private func nextLine() throws -> JSONValue {
        let deadline = Date().addingTimeInterval(10)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return try JSONValue(parsing: line[...])
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw RulesE2EError("no reply within 10 s") }
            var poller = pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(remaining * 1000) + 1) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor.rawValue, $0.baseAddress, $0.count) }
            guard count > 0 else { throw RulesE2EError("socd closed the connection") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}

/// A temp directory per test, removed afterwards (unmounting anything a test left mounted).
final class RulesE2EDirectory {
    let path: String
    private var mounts: [String] = []

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/socd-rules-e2e-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else { throw RulesE2EError("mkdtemp: errno \(errno)") }
        path = String(cString: created)
    }

    deinit {
        for mount in mounts.reversed() { _ = try? RulesE2EDirectory.run("/bin/umount", ["-l", mount]) }
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func daemon(state: String = "state") -> RulesE2EDaemon {
        RulesE2EDaemon(socketPath: file("socd.sock"), stateDirectory: file(state), logPath: file("socd.log"))
    }

    /// Mounts a tmpfs of `kilobytes` at `name`; nil when this process may not mount.
    func mountTmpfs(_ name: String, kilobytes: Int) throws -> String? {
        let point = file(name)
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        guard try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0755", "tmpfs", point]) == 0
        else { return nil }
        mounts.append(point)
        return point
    }

    func remountReadOnly(_ point: String) throws {
        // The kernel says EBUSY while a file there is open for writing, which includes a mount
        // child of a parallel test between its fork and exec: retry briefly.
        for _ in 0..<50 {
            if try Self.run("/bin/mount", ["-o", "remount,ro", point]) == 0 { return }
            usleep(20_000)
        }
        throw RulesE2EError("cannot remount \(point) read-only")
    }

    /// Runs a tool and returns its exit status; its output goes to `output` when given.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], input: String? = nil, output: inout String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        output = String(decoding: data, as: UTF8.self)
        return process.terminationStatus
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String], input: String? = nil) throws -> Int32 {
        var ignored = ""
        return try run(tool, arguments, input: input, output: &ignored)
    }

    /// `sqlite3 path sql`'s output, trimmed.
    static func sqlite(_ path: String, _ sql: String) throws -> String {
        var output = ""
        let status = try run("/usr/bin/sqlite3", [path, sql], output: &output)
        guard status == 0 else { throw RulesE2EError("sqlite3 \(path) \(sql): \(output)") }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct RulesE2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
