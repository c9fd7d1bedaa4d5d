import JSONRPC
import SocPOSIX
import Synchronization

/// The socket server: event-loop threads, the acceptor on the first loop, and the orderly
/// stop that shutdown needs (stop accepting, drain, close, join).
package final class Server: Sendable {
    package let listener: Listener
    package let metrics: ServerMetrics
    private let loops: [EventLoop]
    private let threads = Mutex<[PosixThread]>([])

    /// - Parameters:
    ///   - onConnectionClosed: runs on the closing loop's thread for every connection that ends.
    package init(
        listener: Listener, dispatcher: RPCDispatcher<RequestContext>, limits: ServerLimits, loopCount: Int,
        authorizer: Authorizer, metrics: ServerMetrics, logger: Logger,
        onConnectionClosed: @escaping @Sendable (ConnectionHandle) -> Void
    ) throws {
        self.listener = listener
        self.metrics = metrics
        metrics.idleSinceMilliseconds.store(MonotonicClock.milliseconds, ordering: .relaxed)
        // The loops learn how to hand out connections only after all of them exist.
        let distributor = Mutex<(@Sendable (FileDescriptor) -> Void)?>(nil)
        let environment = LoopEnvironment(
            dispatcher: dispatcher, metrics: metrics, limits: limits, logger: logger,
            distribute: { descriptor in distributor.withLock { $0 }?(descriptor) },
            connectionClosed: { handle in
                onConnectionClosed(handle)
                if metrics.openConnections.subtract(1, ordering: .relaxed).newValue == 0 {
                    metrics.idleSinceMilliseconds.store(MonotonicClock.milliseconds, ordering: .relaxed)
                }
            })
        loops = try (0..<max(1, loopCount)).map { try EventLoop(index: $0, environment: environment) }
        try loops[0].serve(listener)
        let admission = Admission(
            loops: loops, limits: limits, authorizer: authorizer, metrics: metrics, logger: logger)
        distributor.withLock { $0 = admission.admit }
    }

    /// Starts one thread per loop.
    package func start() throws {
        let started = try loops.map { loop in
            try PosixThread.spawn(name: "socd-io-\(loop.index)") { loop.run() }
        }
        threads.withLock { $0 = started }
    }

    /// Stops accepting and reading; connections close as their replies are flushed.
    package func beginDrain() {
        for loop in loops { loop.post(.drain) }
    }

    package func closeAllConnections() {
        for loop in loops { loop.post(.closeAll) }
    }

    /// Ends the loops, waits for their threads, and closes the listener.
    package func stop() {
        for loop in loops { loop.post(.stop) }
        for thread in threads.withLock({ $0 }) { try? thread.join() }
        listener.close()
    }

    /// Whether every loop has come round within `milliseconds` (for the systemd watchdog).
    package func loopsAreResponsive(withinMilliseconds milliseconds: Int64) -> Bool {
        let now = MonotonicClock.milliseconds
        return loops.allSatisfy { now - $0.heartbeat.load(ordering: .relaxed) <= milliseconds }
    }
}
