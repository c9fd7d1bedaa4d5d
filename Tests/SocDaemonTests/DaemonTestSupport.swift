import Foundation
import Glibc
import JSONRPC
import SocPOSIX
import SocProtocol
import SocStore
import Synchronization
import Testing

@testable import SocDaemon

/// A fresh directory under /tmp for one test, removed when the value goes away.
final class TestDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/socd-daemon-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw SystemError.current(function: "mkdtemp") }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The daemon's method table and services on a temporary store, driven in-process through the
/// real dispatcher: everything a request touches except sockets.
final class InProcessAPI {
    let directory: TestDirectory
    let store: Store
    let services: DaemonServices
    let dispatcher: RPCDispatcher<RequestContext>
    let log = LogCapture()
    /// A loop that never runs: it only gives request contexts a connection handle to name.
    private let loop: EventLoop
    private var nextConnection: UInt64 = 1

    init(daemonUID: UInt32 = 4242, adminGroup: String = "socd-test-no-such-group") throws {
        directory = try TestDirectory()
        store = try Store.open(stateDirectory: directory.file("state"))
        let logger = Logger(level: .info, sink: .memory(log))
        let events = EventBus()
        let metrics = ServerMetrics()
        let authorizer = Authorizer(daemonUID: daemonUID, adminGroupName: adminGroup)
        let facts = DaemonFacts(
            pid: 99, startedAtMilliseconds: WallClock.nowMilliseconds,
            startedAtMonotonicMilliseconds: MonotonicClock.milliseconds, listenerOrigin: .bound,
            socketPath: directory.file("socd.sock"), stateDirectory: directory.file("state"), exitIdleSeconds: nil,
            revision: "test")
        services = DaemonServices(
            logger: logger, store: store, events: events, metrics: metrics, authorizer: authorizer,
            audit: AuditRecorder(store: store, events: events, logger: logger), facts: facts)
        dispatcher = RPCDispatcher(router: DaemonAPI.makeRouter(services))
        let idle = RPCDispatcher<RequestContext>(router: RPCRouter())
        loop = try EventLoop(
            index: 0,
            environment: LoopEnvironment(
                dispatcher: idle, metrics: metrics,
                limits: ServerLimits(maximumLineBytes: 1024, maximumOutputBytes: 4096, maximumConnections: 1),
                logger: logger, distribute: { _ in }, connectionClosed: { _ in }))
    }

    deinit { store.close() }

    /// A request context for a peer, authorized as the daemon would authorize it.
    func context(uid: UInt32, gid: UInt32 = 100, pid: Int32 = 1234) -> RequestContext {
        let peer = PeerCredentials(pid: pid, uid: uid, gid: gid)
        defer { nextConnection += 1 }
        return RequestContext(
            connection: ConnectionHandle(id: nextConnection, loop: loop), peer: peer,
            mayChangeState: services.authorizer.mayChangeState(peer))
    }

    /// Handles one request line and waits (bounded) for its reply, deferred or not.
    func call(_ line: String, as context: RequestContext, timeout: Double = 5) throws -> JSONValue {
        var output: [UInt8] = []
        if let pending = dispatcher.handle(line: Array(line.utf8)[...], context: context, output: &output) {
            let arrived = DispatchSemaphore(value: 0)
            let bytes = Mutex<[UInt8]>([])
            pending.whenReady { line in
                bytes.withLock { $0 = line }
                arrived.signal()
            }
            guard arrived.wait(timeout: .now() + timeout) == .success else {
                throw TestFailure("no reply to \(line) within \(timeout) s")
            }
            output = bytes.withLock { $0 }
        }
        return try JSONValue(parsing: output)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
