import Foundation
import JSONRPC
import SocPOSIX
import SocStore
import Synchronization
import Testing

@testable import SocDaemon

/// socd's services and router over a store in a temp dir of its own, driven in-process with
/// request lines through the real `RPCDispatcher`; optionally served on a real socket too (for
/// events, which need a connection to be delivered to).
final class RulesTestDaemon {
    let directory: RulesTestDirectory
    let services: DaemonServices
    let dispatcher: RPCDispatcher<RequestContext>
    let logs = LogCapture()
    private let idleLoop: EventLoop
    private var server: Server?
    private var nextID = 1

    /// - Parameter stateDirectory: reuse a state dir (to reopen a store); a fresh temp dir otherwise.
    init(directory: RulesTestDirectory? = nil, stateDirectory: String? = nil) throws {
        self.directory = try directory ?? RulesTestDirectory()
        let logger = Logger(level: .info, sink: .memory(logs))
        services = try DaemonServices.makeForTesting(
            stateDirectory: stateDirectory ?? self.directory.file("state"), logger: logger)
        dispatcher = RPCDispatcher(router: DaemonAPI.makeRouter(services))
        // Request contexts need a connection handle; this loop is never run, so nothing is ever
        // delivered through it (tests of events use `serve()`).
        let limits = ServerLimits(maximumLineBytes: 1 << 20, maximumOutputBytes: 1 << 24, maximumConnections: 16)
        idleLoop = try EventLoop(
            index: 99,
            environment: LoopEnvironment(
                dispatcher: dispatcher, metrics: services.metrics, limits: limits, logger: logger,
                distribute: { _ in }, connectionClosed: { _ in }))
    }

    deinit { close() }

    func close() {
        server?.beginDrain()
        server?.stop()
        server = nil
        services.store.close()
    }

    /// The context of a root caller on pid 4242 (what the audit trail should record).
    var context: RequestContext {
        RequestContext(
            connection: ConnectionHandle(id: 1, loop: idleLoop), peer: PeerCredentials(pid: 4242, uid: 0, gid: 0),
            mayChangeState: true)
    }

    /// Sends one request line and returns the reply line (without its newline); waits at most 10 s
    /// for a deferred reply.
    func send(_ line: String, context: RequestContext? = nil) throws -> String {
        var output: [UInt8] = []
        if let pending = dispatcher.handle(
            line: Array(line.utf8)[...], context: context ?? self.context, output: &output)
        {
            let arrived = DispatchSemaphore(value: 0)
            let bytes = Mutex<[UInt8]>([])
            pending.whenReady { reply in
                bytes.withLock { $0 = reply }
                arrived.signal()
            }
            guard arrived.wait(timeout: .now() + 10) == .success else { throw RulesTestError("no reply to \(line)") }
            output = bytes.withLock { $0 }
        }
        var text = String(decoding: output, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Dispatches a request without waiting for its reply: for tests that queue several changes
    /// behind a blocked writer.
    func start(_ method: String, _ params: JSONValue) throws -> RulesPendingCall {
        let id = nextID
        nextID += 1
        let request: JSONValue = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
        let call = RulesPendingCall()
        var output: [UInt8] = []
        if let pending = dispatcher.handle(
            line: Array(request.serializedString.utf8)[...], context: context, output: &output)
        {
            pending.whenReady { call.arrive($0) }
        } else {
            call.arrive(output)
        }
        return call
    }

    /// Blocks the store's writer until the returned gate is opened, so that the jobs submitted
    /// meanwhile run together in the next group-commit transaction.
    func blockWriter() -> DispatchSemaphore {
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        services.store.submit({ _ in
            started.signal()
            _ = gate.wait(timeout: .now() + 10)
        }) { _ in }
        _ = started.wait(timeout: .now() + 10)
        return gate
    }

    /// Calls `method` and returns the whole reply object.
    func reply(_ method: String, _ params: JSONValue = [:], context: RequestContext? = nil) throws -> JSONValue {
        let id = nextID
        nextID += 1
        let request: JSONValue = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
        let reply = try JSONValue(parsing: try send(request.serializedString, context: context))
        #expect(reply["id"] == .int(id))
        return reply
    }

    /// Calls `method` and returns its result, failing the test on an error reply.
    @discardableResult
    func call(
        _ method: String, _ params: JSONValue = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JSONValue {
        let reply = try reply(method, params)
        guard let result = reply["result"] else {
            Issue.record("\(method) failed: \(reply.serializedString)", sourceLocation: sourceLocation)
            throw RulesTestError("\(method) failed")
        }
        return result
    }

    /// Calls `method`, expecting an error reply, and returns the error object.
    func error(
        _ method: String, _ params: JSONValue = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JSONValue {
        let reply = try reply(method, params)
        guard let error = reply["error"] else {
            Issue.record("\(method) succeeded: \(reply.serializedString)", sourceLocation: sourceLocation)
            throw RulesTestError("\(method) succeeded")
        }
        return error
    }

    /// Adds a rule and returns it (the `rule` of the result).
    @discardableResult
    func add(_ params: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        try #require(try call("rules.add", params, sourceLocation: sourceLocation)["rule"])
    }

    /// The rules in order, as `rules.list` shows them.
    func rules(_ filter: JSONValue = [:]) throws -> [JSONValue] {
        try call("rules.list", filter)["rules"]?.arrayValue ?? []
    }

    /// Serves the router on a socket in the temp dir, as socd does; returns its path.
    func serve() throws -> String {
        let path = directory.file("socd.sock")
        let listener = try Listener.obtain(
            socketOption: path, environment: [:], uid: Accounts.effectiveUID, logger: services.logger)
        let events = services.events
        let server = try Server(
            listener: listener, dispatcher: dispatcher,
            limits: ServerLimits(maximumLineBytes: 1 << 20, maximumOutputBytes: 1 << 24, maximumConnections: 16),
            loopCount: 1, authorizer: services.authorizer, metrics: services.metrics, logger: services.logger,
            onConnectionClosed: { events.removeAll(for: $0) })
        try server.start()
        self.server = server
        return path
    }
}

/// The reply to a request dispatched with `RulesTestDaemon.start`.
final class RulesPendingCall: Sendable {
    private let bytes = Mutex<[UInt8]?>(nil)
    private let arrived = DispatchSemaphore(value: 0)

    func arrive(_ reply: [UInt8]) {
        bytes.withLock { $0 = reply }
        arrived.signal()
    }

    /// The reply object; waits at most 10 s.
    func reply() throws -> JSONValue {
        guard arrived.wait(timeout: .now() + 10) == .success else { throw RulesTestError("no reply") }
        arrived.signal()
        return try JSONValue(parsing: bytes.withLock { $0 ?? [] }[...])
    }
}

/// A client connection to `RulesTestDaemon.serve()`: lines out, lines in, with bounded waits.
final class RulesTestClient {
    private let descriptor: FileDescriptor
    private var buffer: [UInt8] = []

    init(path: String) throws {
        descriptor = try UnixSocket.connect(path: path, timeout: .seconds(5))
    }

    deinit { try? descriptor.close() }

    func send(_ value: JSONValue) throws {
        let line = Array((value.serializedString + "\n").utf8)
        try line.withUnsafeBytes { try descriptor.sendAll($0) }
    }

    /// The next line, or nil if none arrived within `timeout` seconds.
    func nextLine(timeout: Double = 10) throws -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return try JSONValue(parsing: line[...])
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var poller = pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(remaining * 1000) + 1) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor.rawValue, $0.baseAddress, $0.count) }
            guard count > 0 else { throw RulesTestError("the connection closed") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// Sends a request and returns its reply, collecting notifications that arrive first.
    func call(_ method: String, _ params: JSONValue, id: Int, notifications: inout [JSONValue]) throws -> JSONValue {
        try send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
        while let line = try nextLine() {
            if line["id"] == .int(id) { return line }
            notifications.append(line)
        }
        throw RulesTestError("no reply to \(method)")
    }
}

/// A fresh directory under the temp dir, removed at the end, so that tests run in parallel.
final class RulesTestDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/socd-rules-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else { throw RulesTestError("mkdtemp failed: errno \(errno)") }
        path = String(cString: created)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

struct RulesTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
