import Synchronization

/// A reply line that is not ready yet because a deferred handler is still working.
///
/// The connection that owns the request keeps it in its output queue, so that later replies
/// wait behind it and replies leave in request order. The bytes arrive from whichever thread
/// completed the handler; `whenReady` may be called before or after that.
package final class RPCPendingReply: Sendable {
    private enum State {
        case waiting(callback: (@Sendable ([UInt8]) -> Void)?)
        case ready([UInt8])
        case delivered
    }

    private let state = Mutex(State.waiting(callback: nil))

    package init() {}

    /// The bytes, if they have arrived and have not been handed to a callback.
    package var readyBytes: [UInt8]? {
        state.withLock { state in
            if case .ready(let bytes) = state { return bytes }
            return nil
        }
    }

    /// Registers the one callback that receives the reply bytes (a whole line with its newline,
    /// or empty when the request deserved no reply). Runs at once when they are already here.
    package func whenReady(_ callback: @escaping @Sendable ([UInt8]) -> Void) {
        let bytes: [UInt8]? = state.withLock { state in
            switch state {
            case .waiting(nil):
                state = .waiting(callback: callback)
                return nil
            case .ready(let bytes):
                state = .delivered
                return bytes
            case .waiting(.some), .delivered:
                preconditionFailure("RPCPendingReply.whenReady called twice")
            }
        }
        if let bytes { callback(bytes) }
    }

    package func fulfill(_ bytes: [UInt8]) {
        let callback: (@Sendable ([UInt8]) -> Void)? = state.withLock { state in
            guard case .waiting(let callback) = state else {
                preconditionFailure("RPCPendingReply fulfilled twice")
            }
            if let callback {
                state = .delivered
                return callback
            }
            state = .ready(bytes)
            return nil
        }
        callback?(bytes)
    }
}
