import Synchronization

/// The one reply a deferred request is owed.
///
/// Exactly one reply per request is enforced here: completing twice is a programming error and
/// traps; a responder dropped without a reply answers `internal error` from its deinit, so a
/// buggy handler cannot leave a client waiting forever.
package final class RPCResponder: Sendable {
    private let deliver: Mutex<(@Sendable (RPCOutcome) -> Void)?>
    private let convert: @Sendable (any Error) -> RPCError

    package init(
        convert: @escaping @Sendable (any Error) -> RPCError, deliver: @escaping @Sendable (RPCOutcome) -> Void
    ) {
        self.deliver = Mutex(deliver)
        self.convert = convert
    }

    package func succeed(_ result: JSONValue) { complete(.success(result)) }

    package func fail(_ error: any Error) { complete(.failure(convert(error))) }

    package func complete(_ outcome: RPCOutcome) {
        guard let deliver = deliver.withLock({ $0.take() }) else {
            preconditionFailure("a JSON-RPC request was answered twice")
        }
        deliver(outcome)
    }

    deinit {
        if let deliver = deliver.withLock({ $0.take() }) {
            deliver(.failure(.internalError()))
        }
    }
}

/// A typed view of a responder for one method's result.
package struct RPCPromise<Result: Encodable & Sendable>: Sendable {
    package let responder: RPCResponder

    package init(_ responder: RPCResponder) { self.responder = responder }

    package func succeed(_ result: Result) {
        do {
            responder.succeed(try RPCParamsCodec.encode(result))
        } catch {
            responder.fail(error)
        }
    }

    package func fail(_ error: any Error) { responder.fail(error) }

    /// Completes with the result of `body`, or with the error it throws.
    package func complete(_ body: () throws -> Result) {
        do { succeed(try body()) } catch { fail(error) }
    }
}
