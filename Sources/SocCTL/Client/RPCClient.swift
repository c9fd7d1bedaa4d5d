import Glibc
import JSONRPC
import SocPOSIX

/// A blocking JSON-RPC 2.0 client on one connection to socd: one request at a time, replies
/// matched by id, notifications that arrive in between kept for `takeNotifications()`.
///
/// Not thread-safe: one thread makes the calls, reads the notifications and closes the client.
/// The connection is closed when the client is released.
package final class RPCClient {
    /// How long `connect` waits for room in a full listen backlog.
    package static let defaultConnectTimeout: Duration = .seconds(5)
    /// The longest reply line accepted. Far above socd's own 1 MiB request limit, because
    /// replies (an audit page, the OpenRPC document) can legitimately be larger than requests.
    package static let defaultMaximumLineLength = 64 << 20

    package let socketPath: String
    package let fileDescriptor: FileDescriptor
    private var framer: LineFramer
    private let readBuffer: UnsafeMutableRawBufferPointer
    private var requestBuffer: [UInt8] = []
    private var nextID = 1
    private var pendingNotifications: [RPCNotification] = []
    private var isClosed = false
    /// Set once the daemon closed its end; nothing more will be read.
    package private(set) var reachedEndOfFile = false
    /// How long a call waits for its reply before it fails with `ClientError.Reason.timedOut`;
    /// nil waits as long as it takes. Notifications are waited for without a limit.
    package var replyTimeout: Duration?

    /// Takes ownership of a connected stream socket (a real connection, or one end of a
    /// socketpair in tests); `socketPath` is what error messages call it.
    package init(
        fileDescriptor: FileDescriptor, socketPath: String, maximumLineLength: Int = defaultMaximumLineLength
    ) {
        self.fileDescriptor = fileDescriptor
        self.socketPath = socketPath
        self.framer = LineFramer(maxLineLength: maximumLineLength)
        self.readBuffer = .allocate(byteCount: 64 * 1024, alignment: 1)
        requestBuffer.reserveCapacity(256)
    }

    /// Connects to the daemon listening at `path`.
    package static func connect(
        path: String, timeout: Duration = defaultConnectTimeout
    ) throws(ClientError) -> RPCClient {
        do throws(SystemError) {
            let socket = try UnixSocket.connect(path: path, timeout: timeout)
            return RPCClient(fileDescriptor: socket, socketPath: path)
        } catch {
            throw .unreachable(path, cause: error)
        }
    }

    deinit {
        close()
        readBuffer.deallocate()
    }

    /// Closes the connection; later calls fail as if the daemon had gone away.
    package func close() {
        guard !isClosed else { return }
        isClosed = true
        reachedEndOfFile = true
        try? fileDescriptor.close()
    }

    /// Calls `method` with `params` and decodes its result.
    package func call<Method: RPCMethod>(
        _ method: Method.Type, _ params: Method.Params
    ) throws(ClientError) -> Method.Result {
        let encoded: JSONValue?
        if params is RPCNoParams {
            encoded = nil
        } else {
            do {
                encoded = try JSONValueEncoder().encode(params)
            } catch {
                // Our own params types always encode; failing here is a bug in one of them.
                preconditionFailure("cannot encode the params of \(Method.method): \(error)")
            }
        }
        let result = try call(method: Method.method, params: encoded)
        do {
            return try JSONValueDecoder().decode(Method.Result.self, from: result)
        } catch {
            throw .protocolViolation("the result does not fit: \(error)", socketPath: socketPath, method: Method.method)
        }
    }

    /// Calls `method` with `params` (an object or an array, or `nil` for none) and returns the
    /// result as it came. An error reply is thrown as `ClientError.Reason.errorReply`.
    package func call(method: String, params: JSONValue?) throws(ClientError) -> JSONValue {
        guard !isClosed else { throw .disconnected(socketPath, method: method) }
        let id = nextID
        nextID += 1
        try send(id: id, method: method, params: params)
        return try awaitReply(to: id, method: method)
    }

    /// The notifications queued so far and not taken yet, oldest first (see
    /// `processBufferedLines()` for those that arrived right after a reply).
    package func takeNotifications() -> [RPCNotification] {
        defer { pendingNotifications.removeAll() }
        return pendingNotifications
    }

    /// Whether notifications are waiting in `takeNotifications()`.
    package var hasPendingNotifications: Bool { !pendingNotifications.isEmpty }

    /// The next notification, waiting for one if none has arrived yet; `nil` once the daemon
    /// has closed the connection and every notification before that was taken.
    package func nextNotification() throws(ClientError) -> RPCNotification? {
        try processBufferedLines()
        while pendingNotifications.isEmpty {
            guard try receive() else { return nil }
        }
        return pendingNotifications.removeFirst()
    }

    /// Hands every notification to `body`, waiting for more as they come, until `body` returns
    /// false or the daemon closes the connection (then it returns normally).
    package func notifications(_ body: (RPCNotification) throws -> Bool) throws {
        while let notification = try nextNotification() {
            guard try body(notification) else { return }
        }
    }

    /// Queues the notifications among the complete lines already read but not yet looked at:
    /// a call returns as soon as its reply is found, so lines that came in the same read after
    /// it wait in the buffer, where waiting for the socket to become readable would not see them.
    package func processBufferedLines() throws(ClientError) {
        try drainFrames(awaiting: nil)
    }

    /// Reads once from the socket (blocking unless it is readable) and queues the notifications
    /// among the complete lines; returns false at end of file.
    ///
    /// Outside a call a reply cannot be expected, so a reply line here breaks the protocol.
    @discardableResult
    package func receive() throws(ClientError) -> Bool {
        guard try fill(method: nil) else { return false }
        try drainFrames(awaiting: nil)
        return true
    }

    // MARK: - Wire

    private func send(id: Int, method: String, params: JSONValue?) throws(ClientError) {
        requestBuffer.removeAll(keepingCapacity: true)
        // Keys in sorted order, as the serializer writes them everywhere else.
        requestBuffer.append(contentsOf: #"{"id":"#.utf8)
        JSONValue.int(id).serialize(into: &requestBuffer)
        requestBuffer.append(contentsOf: #","jsonrpc":"2.0","method":"#.utf8)
        JSONValue.string(method).serialize(into: &requestBuffer)
        if let params {
            requestBuffer.append(contentsOf: #","params":"#.utf8)
            params.serialize(into: &requestBuffer)
        }
        requestBuffer.append(contentsOf: "}\n".utf8)
        // Array.withUnsafeBytes does not carry a typed error through, so the outcome is kept.
        let descriptor = fileDescriptor
        let failure: SystemError? = requestBuffer.withUnsafeBytes { bytes in
            do throws(SystemError) {
                try descriptor.sendAll(bytes)
                return nil
            } catch {
                return error
            }
        }
        if let failure {
            if failure.errno == EPIPE || failure.errno == ECONNRESET { throw .disconnected(socketPath, method: method) }
            throw .transport(failure, socketPath: socketPath, method: method)
        }
    }

    private func awaitReply(to id: Int, method: String) throws(ClientError) -> JSONValue {
        let deadline = replyTimeout.map { ContinuousClock.now + $0 }
        while true {
            if let outcome = try drainFrames(awaiting: (id, method)) {
                switch outcome {
                case .result(let result): return result
                case .error(let error): throw .errorReply(error, socketPath: socketPath, method: method)
                }
            }
            if let deadline { try waitForInput(until: deadline, method: method) }
            guard try fill(method: method) else { throw .disconnected(socketPath, method: method) }
        }
    }

    /// Blocks until the socket has something to read, or throws `timedOut` at `deadline`.
    private func waitForInput(until deadline: ContinuousClock.Instant, method: String) throws(ClientError) {
        let remaining = ContinuousClock.now.duration(to: deadline)
        let (seconds, attoseconds) = remaining.components
        let milliseconds =
            remaining <= .zero ? 0 : min(seconds * 1_000 + attoseconds / 1_000_000_000_000_000 + 1, Int64(Int32.max))
        let readable: Bool
        do throws(SystemError) {
            readable = try fileDescriptor.waitUntilReadable(timeoutMilliseconds: Int32(milliseconds))
        } catch {
            throw .transport(error, socketPath: socketPath, method: method)
        }
        guard readable else {
            let limit = replyTimeout ?? .zero
            let limitSeconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
            throw .timedOut(after: limitSeconds, socketPath: socketPath, method: method)
        }
    }

    /// Handles the complete lines in the framer: notifications are queued; the reply to
    /// `awaiting` is returned as soon as it is found, leaving later lines for the next call.
    @discardableResult
    private func drainFrames(awaiting: (id: Int, method: String)?) throws(ClientError) -> IncomingMessage.Outcome? {
        while let frame = framer.nextFrame() {
            let line: ArraySlice<UInt8>
            switch frame {
            case .line(let bytes):
                line = bytes
            case .oversized(let byteCount):
                throw .protocolViolation(
                    "a line of more than \(byteCount) bytes (the limit is \(framer.maxLineLength))",
                    socketPath: socketPath, method: awaiting?.method)
            }
            if line.isEmpty { continue }
            let message: IncomingMessage
            do {
                message = try IncomingMessage(line: line)
            } catch {
                throw .protocolViolation(error.description, socketPath: socketPath, method: awaiting?.method)
            }
            switch message {
            case .notification(let notification):
                pendingNotifications.append(notification)
            case .reply(let id, let outcome):
                guard let awaiting else {
                    throw .protocolViolation("a reply (id \(id)) to no request", socketPath: socketPath)
                }
                // A request the server could not read at all is answered with a null id; with
                // one request in flight, that answer can only be ours.
                let isOurs: Bool
                switch (id, outcome) {
                case (.int(awaiting.id), _): isOurs = true
                case (.null, .error): isOurs = true
                default: isOurs = false
                }
                guard isOurs else {
                    throw .protocolViolation(
                        "a reply with id \(id) while waiting for id \(awaiting.id)", socketPath: socketPath,
                        method: awaiting.method)
                }
                return outcome
            }
        }
        return nil
    }

    /// Reads what the socket has into the framer, waiting for at least one byte; false at end
    /// of file.
    private func fill(method: String?) throws(ClientError) -> Bool {
        guard !reachedEndOfFile else { return false }
        while true {
            let result: IOResult
            do throws(SystemError) {
                result = try fileDescriptor.read(into: readBuffer)
            } catch  where error.errno == ECONNRESET {
                reachedEndOfFile = true
                return false
            } catch {
                throw .transport(error, socketPath: socketPath, method: method)
            }
            switch result {
            case .bytes(let count):
                framer.append(UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
                return true
            case .endOfFile:
                reachedEndOfFile = true
                return false
            case .wouldBlock:
                // Only a nonblocking descriptor gets here; the caller waits for readability
                // (the events loop does), so report that nothing was read but the peer is there.
                return true
            }
        }
    }
}
