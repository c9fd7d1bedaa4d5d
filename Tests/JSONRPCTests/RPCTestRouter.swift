import Foundation
import JSONRPC
import Synchronization
import Testing

/// Who is calling, as the test dispatcher's handlers see it.
struct TestContext: Sendable {
    var caller: String
}

/// `test.add`: typed params by name, with one optional member.
struct AddMethod: RPCMethod {
    static let method = "test.add"
    struct Params: Codable, Sendable {
        var a: Int
        var b: Int
        var note: String?
    }
    struct Result: Codable, Sendable { var sum: Int }
}

/// `test.ping`: a method without params.
struct PingMethod: RPCMethod {
    static let method = "test.ping"
    typealias Params = RPCNoParams
    typealias Result = RPCEmptyResult
}

/// `test.later`: a deferred method that completes from another thread when told to.
struct LaterMethod: RPCMethod {
    static let method = "test.later"
    struct Params: Codable, Sendable { var tag: String }
    struct Result: Codable, Sendable { var tag: String }
}

/// An error from "another module" that knows which JSON-RPC error it is.
struct RuleMissing: RPCErrorConvertible {
    var ruleID: Int
    var rpcError: RPCError { .notFound("no rule \(ruleID)", ["rule": .int(ruleID)]) }
}

/// An error that knows nothing of JSON-RPC; its text must never reach a client.
struct DiskOnFire: Error, CustomStringConvertible {
    var description: String { "secret: /var/lib/socd/socd.db sector 7 melted" }
}

/// Holds the responders of `test.later` requests until a test releases them.
final class DeferredGate: Sendable {
    private let waiting = Mutex<[String: RPCPromise<LaterMethod.Result>]>([:])

    func hold(_ tag: String, _ promise: RPCPromise<LaterMethod.Result>) {
        waiting.withLock { $0[tag] = promise }
    }

    var heldTags: [String] { waiting.withLock { $0.keys.sorted() } }

    /// Completes the request tagged `tag` on a global-queue thread, as a store writer would.
    func release(_ tag: String, failing: Bool = false) {
        guard let promise = waiting.withLock({ $0.removeValue(forKey: tag) }) else {
            Issue.record("no test.later request tagged \(tag) is held")
            return
        }
        DispatchQueue.global().async {
            if failing {
                promise.fail(RPCError.conflict("\(tag) lost the race"))
            } else {
                promise.succeed(LaterMethod.Result(tag: tag))
            }
        }
    }
}

/// The errors reported to the dispatcher's `reportInternalError`, for the log.
final class InternalErrorLog: Sendable {
    private let entries = Mutex<[(String, String)]>([])
    func append(_ method: String, _ error: any Error) { entries.withLock { $0.append((method, "\(error)")) } }
    var all: [(method: String, text: String)] { entries.withLock { $0.map { (method: $0.0, text: $0.1) } } }
}

/// A router with one method for each way a handler can answer.
enum TestRouter {
    static func make(gate: DeferredGate) -> RPCRouter<TestContext> {
        var router = RPCRouter<TestContext>()
        router.register(AddMethod.self) { params, _ in AddMethod.Result(sum: params.a + params.b) }
        router.register(PingMethod.self) { _, _ in RPCEmptyResult() }
        router.register("test.echo", .immediate { request, _ in request.params ?? .null })
        router.register("test.whoami", .immediate { _, context in .string(context.caller) })
        router.register("test.rpcError", .immediate { _, _ in throw RPCError.permissionDenied("not you") })
        router.register("test.convertible", .immediate { _, _ in throw RuleMissing(ruleID: 7) })
        router.register("test.crash", .immediate { _, _ in throw DiskOnFire() })
        router.register(LaterMethod.self, deferred: { params, _, promise in gate.hold(params.tag, promise) })
        router.register("test.inline", .deferred { request, _, responder in responder.succeed(["inline": true]) })
        router.register("test.inlineFailure", .deferred { _, _, responder in responder.fail(DiskOnFire()) })
        // A buggy handler that forgets its responder: the client must still get an answer.
        router.register("test.forgotten", .deferred { _, _, _ in })
        return router
    }
}
