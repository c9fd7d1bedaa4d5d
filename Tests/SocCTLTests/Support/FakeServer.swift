import Glibc
import JSONRPC
import SocCTL
import SocPOSIX
import Synchronization

/// A scripted JSON-RPC peer for client tests: a thread that reads request lines, records them
/// and answers each with whatever the script returns. It is deliberately not socd: tests decide
/// every byte the client sees, including the wrong ones.
final class FakeServer: Sendable {
    /// What to send after one request line.
    struct Reply: Sendable {
        /// Lines to send, newline-terminated, in one write (so several lines arrive in one read).
        var lines: [String]
        /// Whether to close the connection after sending them.
        var closes: Bool = false

        static func lines(_ lines: String...) -> Reply { Reply(lines: lines) }
        static func close(after lines: String...) -> Reply { Reply(lines: lines, closes: true) }
    }

    typealias Script = @Sendable (_ request: JSONValue, _ line: String) -> Reply

    /// A listening socket in a fresh temporary directory, for commands that connect by path.
    let socketPath: String
    private let directory: TemporaryDirectory?
    private let recorder = Recorder()
    private let thread: PosixThread

    /// The request lines read so far, shared with the server thread.
    private final class Recorder: Sendable {
        let lines = Mutex<[String]>([])
        let isFinished = Mutex(false)
    }

    /// Serves `connections` connections one after the other on a new socket path; `greeting`
    /// is sent on each connection before any request is read.
    init(connections: Int = 1, greeting: [String] = [], script: @escaping Script) throws {
        let directory = try TemporaryDirectory()
        self.directory = directory
        socketPath = directory.path + "/socd.sock"
        let listener = try UnixSocket.listen(path: socketPath, mode: 0o600, nonblocking: false)
        let recorder = self.recorder
        thread = try PosixThread.spawn(name: "fake-socd") {
            for _ in 0..<connections {
                guard let connection = try? UnixSocket.accept(listener, nonblocking: false) else { break }
                FakeServer.serve(connection, greeting: greeting, script: script, recorder: recorder)
            }
            try? listener.close()
        }
    }

    /// Serves one end of a socketpair whose other end the returned client owns.
    static func pair(
        greeting: [String] = [], maximumLineLength: Int = RPCClient.defaultMaximumLineLength,
        script: @escaping Script
    ) throws -> (RPCClient, FakeServer) {
        let (clientEnd, serverEnd) = try UnixSocket.socketPair()
        let server = FakeServer(socketPair: serverEnd, greeting: greeting, script: script)
        let client = RPCClient(fileDescriptor: clientEnd, socketPath: "fake.sock", maximumLineLength: maximumLineLength)
        return (client, server)
    }

    private init(socketPair end: FileDescriptor, greeting: [String], script: @escaping Script) {
        socketPath = "fake.sock"
        directory = nil
        let recorder = self.recorder
        thread = try! PosixThread.spawn(name: "fake-socd") {
            FakeServer.serve(end, greeting: greeting, script: script, recorder: recorder)
        }
    }

    /// Waits for the server thread to finish and returns every request line it read.
    func finish() -> [String] {
        let firstTime = recorder.isFinished.withLock { finished in
            defer { finished = true }
            return !finished
        }
        if firstTime {
            try? thread.join()
            directory?.remove()
        }
        return recorder.lines.withLock { $0 }
    }

    deinit {
        _ = finish()
    }

    /// A success reply to `request` carrying `result`.
    static func result(_ result: JSONValue, for request: JSONValue) -> String {
        JSONValue.object(["jsonrpc": "2.0", "id": request["id"] ?? .null, "result": result]).serializedString
    }

    /// An error reply to `request`.
    static func error(_ error: RPCError, for request: JSONValue) -> String {
        JSONValue.object(["jsonrpc": "2.0", "id": request["id"] ?? .null, "error": error.json]).serializedString
    }

    /// An `events.event` notification.
    static func event(topic: String, data: JSONValue, subscription: Int = 1) -> String {
        JSONValue.object([
            "jsonrpc": "2.0", "method": "events.event",
            "params": ["subscription": .int(subscription), "topic": .string(topic), "data": data],
        ]).serializedString
    }

    private static func serve(
        _ connection: FileDescriptor, greeting: [String], script: Script, recorder: Recorder
    ) {
        defer { try? connection.close() }
        guard send(greeting, on: connection) else { return }
        var framer = LineFramer()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            while let frame = framer.nextFrame() {
                guard case .line(let bytes) = frame else { return }
                let line = String(decoding: bytes, as: UTF8.self)
                recorder.lines.withLock { $0.append(line) }
                let request = (try? JSONValue(parsing: line)) ?? .null
                let reply = script(request, line)
                guard send(reply.lines, on: connection), !reply.closes else { return }
            }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(connection.rawValue, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            framer.append(contentsOf: buffer[..<count])
        }
    }

    private static func send(_ lines: [String], on connection: FileDescriptor) -> Bool {
        guard !lines.isEmpty else { return true }
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        return (try? bytes.withUnsafeBytes { try connection.sendAll($0) }) != nil
    }
}
