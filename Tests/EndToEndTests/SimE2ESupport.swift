import Glibc
import JSONRPC
import SocPOSIX

/// A socd process started from the built binary on a socket and state directory of its own.
final class SimE2EDaemon {
    let stateDirectory: String
    let socketPath: String
    private(set) var pid: pid_t = 0

    /// The built `socd` next to the test bundle.
    static let executable: String? = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let bundle = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = bundle.lastIndex(of: "/") else { return nil }
        let candidate = String(bundle[..<slash]) + "/socd"
        return access(candidate, X_OK) == 0 ? candidate : nil
    }()

    init(directory: String) {
        stateDirectory = directory + "/state"
        socketPath = directory + "/socd.sock"
    }

    /// Starts socd and waits until its socket accepts connections.
    func start(extraArguments: [String] = []) throws {
        guard let executable = Self.executable else { throw SimE2EFailure("socd was not built next to the tests") }
        let arguments = [executable, "--socket", socketPath, "--state-dir", stateDirectory] + extraArguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stateDirectory + ".log", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        let result = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        guard result == 0 else { throw SystemError(errno: result, function: "posix_spawn", path: executable) }
        let deadline = MonotonicClock.now + 10_000_000_000
        while MonotonicClock.now < deadline {
            if let socket = try? UnixSocket.connect(path: socketPath) {
                try? socket.close()
                return
            }
            if hasExited() { throw SimE2EFailure("socd exited at start") }
            usleep(20_000)
        }
        throw SimE2EFailure("socd did not listen on \(socketPath) within 10 s")
    }

    /// Sends SIGTERM and waits for a clean exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        guard pid > 0 else { return -1 }
        kill(pid, SIGTERM)
        return waitForExit()
    }

    /// Waits for the process to end by itself (`--exit-idle`), for at most `seconds`.
    func waitForExit(seconds: Int = 15) -> Int32 {
        var status: Int32 = 0
        for _ in 0..<(seconds * 50) {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                pid = 0
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
            }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        pid = 0
        return -1
    }

    private func hasExited() -> Bool {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            pid = 0
            return true
        }
        return false
    }
}

/// One JSON-RPC connection to socd, one request at a time.
final class SimE2EClient {
    private let socket: FileDescriptor
    private var buffered: [UInt8] = []
    private var nextID = 1

    init(path: String) throws { socket = try UnixSocket.connect(path: path) }

    deinit { try? socket.close() }

    /// The reply to one request: its result, or the error object as `SimE2ERemoteError`.
    @discardableResult
    func call(_ method: String, _ params: JSONValue = .object([:])) throws -> JSONValue {
        let id = nextID
        nextID += 1
        let request: JSONValue = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
        let line = request.serializedBytes + [10]
        try line.withUnsafeBytes { try socket.sendAll($0) }
        while true {
            let reply = try readLine()
            guard reply["id"]?.intValue == id else { continue }  // events, if any
            if let error = reply["error"] { throw SimE2ERemoteError(error: error) }
            return reply["result"] ?? .null
        }
    }

    /// The next `events.event` notification's params, or nil after `seconds` without one.
    func nextEvent(seconds: Double) throws -> JSONValue? {
        let deadline = MonotonicClock.now + UInt64(seconds * 1e9)
        while MonotonicClock.now < deadline {
            if !buffered.contains(10) {
                var poller = pollfd(fd: socket.rawValue, events: Int16(POLLIN), revents: 0)
                let left = Int32((deadline - min(deadline, MonotonicClock.now)) / 1_000_000)
                guard poll(&poller, 1, max(1, left)) > 0 else { continue }
            }
            let message = try readLine()
            if message["method"] == "events.event" { return message["params"] }
        }
        return nil
    }

    private func readLine() throws -> JSONValue {
        while true {
            if let newline = buffered.firstIndex(of: 10) {
                let line = Array(buffered[..<newline])
                buffered.removeSubrange(...newline)
                return try JSONValue(parsing: line)
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let result = try chunk.withUnsafeMutableBytes { try socket.read(into: $0) }
            switch result {
            case .bytes(let count): buffered.append(contentsOf: chunk[..<count])
            default: throw SimE2EFailure("socd closed the connection (\(result))")
            }
        }
    }
}

struct SimE2ERemoteError: Error, CustomStringConvertible {
    var error: JSONValue
    var code: Int? { error["code"]?.intValue }
    var description: String { error.serializedString }
}

struct SimE2EFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh directory under /tmp, removed with everything in it.
struct SimE2EDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/sime2e-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw SystemError.current(function: "mkdtemp") }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func remove() { Self.removeTree(path) }

    private static func removeTree(_ path: String) {
        guard let directory = opendir(path) else {
            unlink(path)
            return
        }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            if entry.pointee.d_type == DT_DIR { removeTree(child) } else { unlink(child) }
        }
        closedir(directory)
        rmdir(path)
    }
}
