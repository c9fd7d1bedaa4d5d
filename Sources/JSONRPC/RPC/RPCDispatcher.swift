import Synchronization

/// Turns request lines into reply lines: parsing, validation, batches, routing and the
/// conversion of every error into a JSON-RPC error, in exactly one place.
///
/// It is a value with no mutable state, shared by every connection and safe from any thread.
package struct RPCDispatcher<Context: Sendable>: Sendable {
    package let router: RPCRouter<Context>
    /// Called for errors that become `-32603`, so that their details reach the log and not the client.
    package let reportInternalError: @Sendable (_ method: String, _ error: any Error) -> Void
    /// The most elements a batch may hold; larger batches get one `-32600`.
    package let maximumBatchSize: Int

    package init(
        router: RPCRouter<Context>, maximumBatchSize: Int = 10_000,
        reportInternalError: @escaping @Sendable (_ method: String, _ error: any Error) -> Void = { _, _ in }
    ) {
        self.router = router
        self.maximumBatchSize = maximumBatchSize
        self.reportInternalError = reportInternalError
    }

    /// Handles one framed line (without its newline).
    ///
    /// When the reply is ready at once it is appended to `output`, newline included, and the
    /// result is nil; nothing is appended for notifications and blank lines. When a deferred
    /// handler is still at work the result is the pending reply to queue.
    package func handle(line: ArraySlice<UInt8>, context: Context, output: inout [UInt8]) -> RPCPendingReply? {
        if line.allSatisfy(Self.isWhitespace) { return nil }
        let dispatched: Dispatched
        do {
            switch try RPCMessage.parse(line) {
            case .single(let envelope): dispatched = dispatch(RPCRequest.classify(envelope), context: context)
            case .batch(let elements): return handleBatch(elements, context: context, output: &output)
            case .other(let value): dispatched = dispatch(RPCRequest.classify(value), context: context)
            }
        } catch {
            RPCReplyWriter.write(id: .null, outcome: .failure(.parseError("\(error)")), into: &output)
            output.append(UInt8(ascii: "\n"))
            return nil
        }
        switch dispatched {
        case .none:
            return nil
        case .ready(let id, let outcome):
            RPCReplyWriter.write(id: id, outcome: outcome, into: &output)
            output.append(UInt8(ascii: "\n"))
            return nil
        case .pending(let pending):
            return pending
        }
    }

    /// The reply to a line that exceeded the framer's limit; its bytes were never parsed.
    package static func oversizedLineReply(byteCount: Int, limit: Int, into output: inout [UInt8]) {
        let error = RPCError.invalidRequest("line of \(byteCount)+ bytes exceeds the limit of \(limit) bytes")
        RPCReplyWriter.write(id: .null, outcome: .failure(error), into: &output)
        output.append(UInt8(ascii: "\n"))
    }

    // MARK: - Single requests

    private func dispatch(_ classified: Result<RPCRequest, RPCRequestError>, context: Context) -> Dispatched {
        let request: RPCRequest
        switch classified {
        case .failure(let invalid): return .ready(invalid.id, .failure(invalid.error))
        case .success(let valid): request = valid
        }
        guard let handler = router.handler(for: request.method) else {
            guard let id = request.id else { return .none }
            return .ready(id, .failure(.methodNotFound(request.method)))
        }
        switch handler {
        case .immediate(let body):
            let outcome: RPCOutcome
            do {
                outcome = .success(try body(request, context))
            } catch {
                outcome = .failure(convert(error, method: request.method))
            }
            guard let id = request.id else { return .none }
            return .ready(id, outcome)
        case .constant(let serialized, let checkParams):
            let outcome: RPCOutcome
            do {
                try checkParams(request.params)
                outcome = .serialized(serialized)
            } catch {
                outcome = .failure(convert(error, method: request.method))
            }
            guard let id = request.id else { return .none }
            return .ready(id, outcome)
        case .deferred(let body):
            let handoff = DeferredHandoff(id: request.id)
            let responder = RPCResponder(convert: { [self] in convert($0, method: request.method) }) {
                handoff.complete($0)
            }
            body(request, context, responder)
            switch handoff.detach() {
            case .completedInline(let outcome):
                guard let id = request.id else { return .none }
                return .ready(id, outcome)
            case .pending(let pending):
                return .pending(pending)
            }
        }
    }

    // MARK: - Batches

    private func handleBatch(_ elements: [JSONValue], context: Context, output: inout [UInt8]) -> RPCPendingReply? {
        if elements.isEmpty {
            RPCReplyWriter.write(id: .null, outcome: .failure(.invalidRequest("empty batch")), into: &output)
            output.append(UInt8(ascii: "\n"))
            return nil
        }
        if elements.count > maximumBatchSize {
            let error = RPCError.invalidRequest("batch of \(elements.count) exceeds the limit of \(maximumBatchSize)")
            RPCReplyWriter.write(id: .null, outcome: .failure(error), into: &output)
            output.append(UInt8(ascii: "\n"))
            return nil
        }
        var slots: [BatchSlot] = []
        slots.reserveCapacity(elements.count)
        for element in elements {
            switch dispatch(RPCRequest.classify(element), context: context) {
            case .none: break
            case .ready(let id, let outcome): slots.append(.ready(id, outcome))
            case .pending(let pending): slots.append(.pending(pending))
            }
        }
        if slots.isEmpty { return nil }
        let ready: [(RPCID, RPCOutcome)] = slots.compactMap {
            if case .ready(let id, let outcome) = $0 { (id, outcome) } else { nil }
        }
        if ready.count == slots.count {
            Self.writeBatch(ready, into: &output)
            return nil
        }
        return BatchCollector(slots: slots).reply
    }

    fileprivate static func writeBatch(_ replies: [(RPCID, RPCOutcome)], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, reply) in replies.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            RPCReplyWriter.write(id: reply.0, outcome: reply.1, into: &output)
        }
        output.append(contentsOf: "]\n".utf8)
    }

    // MARK: - Errors

    /// The single place where Swift errors become JSON-RPC errors.
    private func convert(_ error: any Error, method: String) -> RPCError {
        if let known = RPCError(converting: error) { return known }
        reportInternalError(method, error)
        return .internalError()
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}

/// What handling one request came to. Declared outside the generic dispatcher so that using it
/// costs no generic metadata lookup per request.
private enum Dispatched {
    case none
    case ready(RPCID, RPCOutcome)
    case pending(RPCPendingReply)
}

/// One element of a batch reply while the batch is being handled.
private enum BatchSlot {
    case ready(RPCID, RPCOutcome)
    case pending(RPCPendingReply)
}

/// Decides, for a deferred handler, whether it answered before returning (the common case for
/// handlers that find nothing to wait for) or must be queued as a pending reply.
private final class DeferredHandoff: Sendable {
    enum Detached {
        case completedInline(RPCOutcome)
        case pending(RPCPendingReply)
    }

    private enum State {
        case running
        case completedInline(RPCOutcome)
        case detached(RPCPendingReply)
    }

    private let id: RPCID?
    private let state = Mutex(State.running)

    init(id: RPCID?) { self.id = id }

    func complete(_ outcome: RPCOutcome) {
        let pending: RPCPendingReply? = state.withLock { state in
            switch state {
            case .running:
                state = .completedInline(outcome)
                return nil
            case .detached(let pending):
                return pending
            case .completedInline:
                preconditionFailure("a JSON-RPC request was answered twice")
            }
        }
        guard let pending else { return }
        guard let id else { return pending.fulfill([]) }
        var bytes: [UInt8] = []
        RPCReplyWriter.write(id: id, outcome: outcome, into: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        pending.fulfill(bytes)
    }

    /// Called once, when the handler has returned.
    func detach() -> Detached {
        state.withLock { state in
            if case .completedInline(let outcome) = state { return .completedInline(outcome) }
            let pending = RPCPendingReply()
            state = .detached(pending)
            return .pending(pending)
        }
    }
}

/// Assembles a batch whose elements complete at different times into one reply line.
private final class BatchCollector: Sendable {
    let reply = RPCPendingReply()
    /// Reply bodies in element order (each a complete response object without newline), nil
    /// while the element is pending; empty for a notification that completed.
    private let bodies: Mutex<(parts: [[UInt8]?], missing: Int)>

    init(slots: [BatchSlot]) {
        var parts: [[UInt8]?] = []
        var pendings: [(Int, RPCPendingReply)] = []
        for (index, slot) in slots.enumerated() {
            switch slot {
            case .ready(let id, let outcome):
                var bytes: [UInt8] = []
                RPCReplyWriter.write(id: id, outcome: outcome, into: &bytes)
                parts.append(bytes)
            case .pending(let pending):
                parts.append(nil)
                pendings.append((index, pending))
            }
        }
        bodies = Mutex((parts, pendings.count))
        for (index, pending) in pendings {
            pending.whenReady { [self] line in
                // The element's line ends with a newline that must not appear inside the array.
                let body = line.last == UInt8(ascii: "\n") ? Array(line.dropLast()) : line
                let done: [[UInt8]]? = bodies.withLock { state in
                    state.parts[index] = body
                    state.missing -= 1
                    return state.missing == 0 ? state.parts.map { $0 ?? [] } : nil
                }
                if let done { reply.fulfill(Self.join(done)) }
            }
        }
    }

    private static func join(_ parts: [[UInt8]]) -> [UInt8] {
        let present = parts.filter { !$0.isEmpty }
        if present.isEmpty { return [] }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, part) in present.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: part)
        }
        bytes.append(contentsOf: "]\n".utf8)
        return bytes
    }
}
