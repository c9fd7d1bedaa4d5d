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
    private let nextConnectionID = Atomic<UInt64>(1)
    private let nextLoop = Atomic<Int>(0)

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
        let loops = self.loops
        let nextConnectionID = self.nextConnectionID
        let nextLoop = self.nextLoop
        distributor.withLock {
            $0 = { descriptor in
                Self.admit(
                    descriptor, loops: loops, limits: limits, authorizer: authorizer, metrics: metrics, logger: logger,
                    nextConnectionID: nextConnectionID, nextLoop: nextLoop)
            }
        }
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
        for thread in threads.withLock({ $0 }) { thread.join() }
        listener.close()
    }

    /// Whether every loop has come round within `milliseconds` (for the systemd watchdog).
    package func loopsAreResponsive(withinMilliseconds milliseconds: Int64) -> Bool {
        let now = MonotonicClock.milliseconds
        return loops.allSatisfy { now - $0.heartbeat.load(ordering: .relaxed) <= milliseconds }
    }

    private static func admit(
        _ descriptor: FileDescriptor, loops: [EventLoop], limits: ServerLimits, authorizer: Authorizer,
        metrics: ServerMetrics, logger: Logger, nextConnectionID: Atomic<UInt64>, nextLoop: Atomic<Int>
    ) {
        let peer: PeerCredentials
        do {
            peer = try UnixSocket.peerCredentials(descriptor)
        } catch {
            logger.warning("dropping a connection whose credentials cannot be read: \(error)")
            try? descriptor.close()
            return
        }
        if metrics.openConnections.load(ordering: .relaxed) >= limits.maximumConnections {
            var line: [UInt8] = []
            let error = RPCError.overloaded("socd is serving its maximum of \(limits.maximumConnections) connections")
            RPCReplyWriter.write(id: .null, outcome: .failure(error), into: &line)
            line.append(UInt8(ascii: "\n"))
            _ = line.withUnsafeBytes { try? descriptor.send($0) }
            try? descriptor.close()
            logger.warning("refused a connection from pid \(peer.pid): at the limit of \(limits.maximumConnections)")
            return
        }
        metrics.openConnections.add(1, ordering: .relaxed)
        metrics.acceptedConnections.add(1, ordering: .relaxed)
        let id = nextConnectionID.add(1, ordering: .relaxed).oldValue
        let seed = EventLoop.RequestContextSeed(id: id, peer: peer, mayChangeState: authorizer.mayChangeState(peer))
        let loop = loops[nextLoop.add(1, ordering: .relaxed).oldValue % loops.count]
        loop.post(.adopt(descriptor, seed))
        logger.debug("connection \(id) from pid \(peer.pid) uid \(peer.uid)")
    }
}
