import Glibc
import JSONRPC
import SocPOSIX

/// A blocking client connection to socd that speaks lines, with every read bounded by a deadline.
///
/// Confined to the thread that uses it.
final class LineClient {
    let descriptor: FileDescriptor
    private var buffer: [UInt8] = []
    private(set) var reachedEndOfFile = false
    private var nextID = 1

    init(path: String) throws {
        descriptor = try UnixSocket.connect(path: path, timeout: .seconds(5))
    }

    deinit { try? descriptor.close() }

    func close() { try? UnixSocket.shutdown(descriptor, .both) }

    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    func send(bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try descriptor.sendAll($0) }
    }

    /// Sends one line (a newline is added).
    func sendLine(_ text: String) throws { try send(text + "\n") }

    /// Half-closes: socd reads end-of-file, answers what it has, then closes.
    func finishSending() throws { try UnixSocket.shutdown(descriptor, .write) }

    /// The next line without its newline, or nil at end of file or when `timeout` passes.
    func readLine(timeout: Double = 5) throws -> [UInt8]? {
        let deadline = Deadline(seconds: timeout)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return line
            }
            guard !reachedEndOfFile, try fill(until: deadline) else { return nil }
        }
    }

    func readText(timeout: Double = 5) throws -> String? {
        try readLine(timeout: timeout).map { String(decoding: $0, as: UTF8.self) }
    }

    func readJSON(timeout: Double = 5) throws -> JSONValue? {
        guard let line = try readLine(timeout: timeout) else { return nil }
        return try JSONValue(parsing: line)
    }

    /// Everything until end of file (bounded by `timeout`); nil when the peer did not close in time.
    func readToEndOfFile(timeout: Double = 5) throws -> [UInt8]? {
        let deadline = Deadline(seconds: timeout)
        while !reachedEndOfFile {
            guard try fill(until: deadline) else { return reachedEndOfFile ? take() : nil }
        }
        return take()
    }

    private func take() -> [UInt8] {
        defer { buffer.removeAll() }
        return buffer
    }

    /// Reads once more into the buffer. False when the deadline passed first.
    private func fill(until deadline: Deadline) throws -> Bool {
        var poller = pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, deadline.remainingMilliseconds)
        if ready < 0 && errno == EINTR { return !deadline.hasPassed }
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let result: IOResult
        do {
            result = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0) }
        } catch let error as SystemError where error.errno == ECONNRESET {
            reachedEndOfFile = true
            return true
        }
        switch result {
        case .bytes(let count): buffer += chunk[..<count]
        case .endOfFile: reachedEndOfFile = true
        case .wouldBlock: break
        }
        return true
    }

    // MARK: - JSON-RPC

    /// Sends a request and returns its reply (the whole envelope), failing when none comes in time.
    func call(_ method: String, _ params: JSONValue? = nil, timeout: Double = 5) throws -> JSONValue {
        let id = nextID
        nextID += 1
        var request: [String: JSONValue] = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method)]
        if let params { request["params"] = params }
        try sendLine(JSONValue.object(request).serializedString)
        // Notifications may arrive between a request and its reply; they are not the reply.
        let deadline = Deadline(seconds: timeout)
        while true {
            let remaining = Double(deadline.remainingMilliseconds) / 1000
            guard let reply = try readJSON(timeout: remaining) else {
                throw ClientError("no reply to \(method) within \(timeout) s")
            }
            if reply["method"] == nil {
                guard reply["id"] == .int(id) else { throw ClientError("reply \(reply) does not answer request \(id)") }
                return reply
            }
            notifications.append(reply)
        }
    }

    /// The result of a call, failing on an error reply.
    func result(_ method: String, _ params: JSONValue? = nil, timeout: Double = 5) throws -> JSONValue {
        let reply = try call(method, params, timeout: timeout)
        guard let result = reply["result"] else { throw ClientError("\(method) failed: \(reply)") }
        return result
    }

    /// Notifications that arrived while waiting for replies, in arrival order.
    var notifications: [JSONValue] = []

    /// The next `events.event` notification, from those already received or the socket.
    func nextNotification(timeout: Double = 5) throws -> JSONValue? {
        if !notifications.isEmpty { return notifications.removeFirst() }
        return try readJSON(timeout: timeout)
    }
}

struct ClientError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
