import Foundation
import JSONRPC
import Synchronization
import Testing

/// Feeds lines to a dispatcher built on `TestRouter` and collects what it answers.
struct RPCDispatcherHarness {
    let gate = DeferredGate()
    let internalErrors = InternalErrorLog()
    let dispatcher: RPCDispatcher<TestContext>

    init(maximumBatchSize: Int = 10_000) {
        let log = internalErrors
        dispatcher = RPCDispatcher(router: TestRouter.make(gate: gate), maximumBatchSize: maximumBatchSize) {
            log.append($0, $1)
        }
    }

    /// What one line came to.
    enum Answer {
        /// Nothing was written and nothing is pending (a notification, a blank line).
        case silent
        /// The reply line, without its newline.
        case ready(String)
        case pending(PendingWatcher)
    }

    func handle(_ line: String, caller: String = "tester") -> Answer {
        handle(bytes: Array(line.utf8), caller: caller)
    }

    func handle(bytes: [UInt8], caller: String = "tester") -> Answer {
        var output: [UInt8] = []
        let pending = dispatcher.handle(line: bytes[...], context: TestContext(caller: caller), output: &output)
        if let pending {
            #expect(output.isEmpty, "a pending reply must not also write output")
            return .pending(PendingWatcher(pending))
        }
        if output.isEmpty { return .silent }
        #expect(output.last == UInt8(ascii: "\n"), "a reply line ends with a newline")
        #expect(output.dropLast().contains(UInt8(ascii: "\n")) == false, "a reply is one line")
        return .ready(String(decoding: output.dropLast(), as: UTF8.self))
    }

    /// The reply of a line answered at once; records an issue when there is none.
    func reply(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        switch handle(line) {
        case .ready(let text): return text
        case .silent:
            Issue.record("no reply to \(line)", sourceLocation: sourceLocation)
            return ""
        case .pending:
            Issue.record("reply to \(line) is pending", sourceLocation: sourceLocation)
            return ""
        }
    }

    /// The reply parsed, for structural checks.
    func replyJSON(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        try JSONValue(parsing: reply(line, sourceLocation: sourceLocation))
    }
}

/// Watches an `RPCPendingReply` and waits, with a deadline, for its bytes.
final class PendingWatcher: Sendable {
    private let bytes = Mutex<[UInt8]?>(nil)
    private let arrived = DispatchSemaphore(value: 0)

    init(_ pending: RPCPendingReply) {
        pending.whenReady { line in
            self.bytes.withLock { $0 = line }
            self.arrived.signal()
        }
    }

    /// Whether the reply is here, without waiting.
    var hasArrived: Bool { bytes.withLock { $0 != nil } }

    /// The reply line without its newline ("" for a request that deserved none), or nil when it
    /// did not arrive within `seconds`.
    func wait(seconds: Double = 5) -> String? {
        guard arrived.wait(timeout: .now() + seconds) == .success else { return nil }
        arrived.signal()  // later waits see it at once
        guard let line = bytes.withLock({ $0 }) else { return nil }
        if line.isEmpty { return "" }
        #expect(line.last == UInt8(ascii: "\n"))
        return String(decoding: line.dropLast(), as: UTF8.self)
    }
}
