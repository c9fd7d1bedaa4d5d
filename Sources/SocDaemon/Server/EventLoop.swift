import Glibc
import JSONRPC
import SocPOSIX
import Synchronization

/// One I/O thread: an epoll set of connections, served with non-blocking reads and writes.
///
/// Requests are dispatched inline on this thread, which is what makes a pipelined connection
/// cheap; handlers that must wait complete later and post their reply back here. Other threads
/// talk to the loop only through `post`, which queues a message and wakes it through an eventfd.
///
/// Safety of `@unchecked Sendable`: every stored property except `inbox`, `wakeup`, `heartbeat`
/// and the immutable configuration is touched only by the loop's own thread, inside `run()`.
package final class EventLoop: @unchecked Sendable {
    enum Message: Sendable {
        case adopt(FileDescriptor, RequestContextSeed)
        case replyReady(connection: UInt64, reply: ObjectIdentifier, bytes: [UInt8])
        case deliver(connection: UInt64, bytes: [UInt8])
        /// Stop reading requests; close each connection once its replies are flushed.
        case drain
        /// Close every connection now.
        case closeAll
        case stop
    }

    /// What the acceptor learned of a connection before handing it to a loop.
    struct RequestContextSeed: Sendable {
        var id: UInt64
        var peer: PeerCredentials
        var mayChangeState: Bool
    }

    let index: Int
    private let epoll: Epoll
    private let wakeup: EventFD
    private let inbox = Mutex<[Message]>([])
    private let environment: LoopEnvironment
    /// Monotonic milliseconds of the loop's last iteration; the watchdog reads it.
    let heartbeat = Atomic<Int64>(0)

    private var connections: [UInt64: Connection] = [:]
    private var connectionsByDescriptor: [Int32: UInt64] = [:]
    private var listener: Listener?
    private var acceptPausedUntil: Int64 = 0
    private var draining = false
    private var running = true
    /// Deferred replies this loop's connections wait for (a commit in progress, say).
    private var repliesInFlight = 0
    private let readBuffer: UnsafeMutableRawBufferPointer

    private static let wakeupToken: UInt64 = .max
    private static let listenerToken: UInt64 = .max - 1

    init(index: Int, environment: LoopEnvironment) throws {
        self.index = index
        self.environment = environment
        epoll = try Epoll()
        wakeup = try EventFD()
        readBuffer = .allocate(byteCount: 64 << 10, alignment: 16)
        try epoll.add(wakeup.fileDescriptor, events: .readable, userData: Self.wakeupToken)
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Makes this loop the one that accepts connections from `listener`.
    func serve(_ listener: Listener) throws {
        self.listener = listener
        try epoll.add(listener.descriptor, events: .readable, userData: Self.listenerToken)
    }

    /// Queues a message for the loop thread. Safe from any thread, including the loop's own.
    func post(_ message: Message) {
        let wasEmpty = inbox.withLock { queue in
            queue.append(message)
            return queue.count == 1
        }
        if wasEmpty { try? wakeup.signal() }
    }

    /// The thread body. Returns after `.stop`, with every connection closed.
    func run() {
        // Polling continues only while there is activity, or while a reply is on its way from
        // another thread (a commit takes a few hundred microseconds): a loop that woke from its
        // timeout with nothing to do goes straight back to sleep.
        var wasActive = false
        while running {
            heartbeat.store(MonotonicClock.milliseconds, ordering: .relaxed)
            let timeout: Int32 = acceptPausedUntil > 0 ? 100 : 1000
            do {
                let handled = try epoll.wait(
                    timeoutMilliseconds: timeout,
                    afterPollingFor: repliesInFlight > 0
                        ? environment.limits.inFlightPollNanoseconds
                        : wasActive ? environment.limits.busyPollNanoseconds : 0
                ) { event in
                    handle(event)
                }
                wasActive = handled > 0
            } catch {
                environment.logger.error("event loop \(index): epoll_wait failed: \(error)")
            }
            if acceptPausedUntil > 0 && MonotonicClock.milliseconds >= acceptPausedUntil {
                resumeAccepting()
            }
        }
        for connection in Array(connections.values) { close(connection, reason: nil) }
        if let listener { try? epoll.remove(listener.descriptor) }
    }

    private func handle(_ event: EpollEvent) {
        switch event.userData {
        case Self.wakeupToken:
            _ = try? wakeup.drain()
            let messages = inbox.withLock { queue in
                defer { queue.removeAll(keepingCapacity: true) }
                return queue
            }
            for message in messages { process(message) }
        case Self.listenerToken:
            acceptConnections()
        default:
            guard let connection = connections[event.userData] else { return }
            service(connection, events: event.events)
        }
    }

    // MARK: - Messages

    private func process(_ message: Message) {
        switch message {
        case .adopt(let descriptor, let seed):
            adopt(descriptor, seed: seed)
        case .replyReady(let id, let reply, let bytes):
            // Counted even when the connection is gone: every pending reply completes once.
            repliesInFlight -= 1
            guard let connection = connections[id] else { return }
            connection.resolvePending(reply, bytes: bytes)
            // The lines that waited behind it may run now.
            guard dispatchFrames(connection) else { return }
            afterOutputChange(connection)
        case .deliver(let id, let bytes):
            guard let connection = connections[id] else { return }
            connection.enqueueNotification(bytes)
            afterOutputChange(connection)
        case .drain:
            draining = true
            stopAccepting()
            for connection in Array(connections.values) {
                connection.draining = true
                afterOutputChange(connection)
            }
        case .closeAll:
            for connection in Array(connections.values) { close(connection, reason: "shutdown deadline passed") }
        case .stop:
            running = false
        }
    }

    // MARK: - Accepting

    private func acceptConnections() {
        guard let listener else { return }
        for _ in 0..<64 {
            let accepted: FileDescriptor?
            do {
                accepted = try listener.accept()
            } catch let error
                where error.errno == EMFILE || error.errno == ENFILE || error.errno == ENOBUFS || error.errno == ENOMEM
            {
                environment.logger.warning("pausing accept for 100 ms: \(error)")
                pauseAccepting()
                return
            } catch {
                environment.logger.warning("accept failed: \(error)")
                return
            }
            guard let descriptor = accepted else { return }
            environment.distribute(descriptor)
        }
    }

    private func pauseAccepting() {
        guard let listener else { return }
        try? epoll.remove(listener.descriptor)
        acceptPausedUntil = MonotonicClock.milliseconds + 100
    }

    private func resumeAccepting() {
        acceptPausedUntil = 0
        guard let listener, !draining else { return }
        try? epoll.add(listener.descriptor, events: .readable, userData: Self.listenerToken)
    }

    private func stopAccepting() {
        guard let listener else { return }
        if acceptPausedUntil == 0 { try? epoll.remove(listener.descriptor) }
        acceptPausedUntil = 0
        self.listener = nil
    }

    private func adopt(_ descriptor: FileDescriptor, seed: RequestContextSeed) {
        let handle = ConnectionHandle(id: seed.id, loop: self)
        let context = RequestContext(connection: handle, peer: seed.peer, mayChangeState: seed.mayChangeState)
        let connection = Connection(
            id: seed.id, descriptor: descriptor, context: context,
            maximumLineBytes: environment.limits.maximumLineBytes)
        do {
            try epoll.add(descriptor, events: .readable, userData: seed.id)
        } catch {
            environment.logger.warning("cannot watch new connection: \(error)")
            try? descriptor.close()
            environment.connectionClosed(handle)
            return
        }
        connection.registeredEvents = .readable
        connections[seed.id] = connection
        if draining {
            connection.draining = true
            afterOutputChange(connection)
        }
    }

    // MARK: - Serving a connection

    private func service(_ connection: Connection, events: EpollEvents) {
        if events.contains(.readable) && connection.wantsInput {
            readRequests(connection)
            guard connections[connection.id] != nil else { return }
        } else if !events.isDisjoint(with: [.hangup, .error]) && !events.contains(.writable) {
            // The peer is gone entirely and nothing more can be read: replies are undeliverable.
            close(connection, reason: nil)
            return
        }
        afterOutputChange(connection)
    }

    private func readRequests(_ connection: Connection) {
        var budget = environment.limits.readBudgetBytes
        while budget > 0 {
            let result: IOResult
            do {
                result = try connection.descriptor.read(into: readBuffer)
            } catch {
                close(connection, reason: nil)
                return
            }
            switch result {
            case .wouldBlock:
                return
            case .endOfFile:
                connection.inputOpen = false
                return
            case .bytes(let count):
                budget -= count
                connection.framer.append(UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
                if !dispatchFrames(connection) { return }
                // A deferred request stopped dispatch: leave the rest in the socket.
                if !connection.mayDispatch || count < readBuffer.count { return }
            }
        }
    }

    /// Handles the complete lines buffered for `connection`, stopping at a request whose reply is
    /// deferred: a connection's requests run one after another, so each sees the effects of every
    /// request sent before it. Lines already read are handled even once input has stopped (end
    /// of file, draining). Returns false if the connection was closed.
    private func dispatchFrames(_ connection: Connection) -> Bool {
        // Counted once per read rather than once per line: every loop shares this counter, and
        // an atomic add per request makes the loops' cores pass its cache line back and forth.
        var dispatched = 0
        defer { environment.metrics.requests.add(dispatched, ordering: .relaxed) }
        while connection.mayDispatch, let frame = connection.framer.nextFrame() {
            if connection.unsentByteCount > environment.limits.maximumOutputBytes {
                close(
                    connection,
                    reason: "not reading its replies (\(connection.unsentByteCount) bytes unsent, limit "
                        + "\(environment.limits.maximumOutputBytes))")
                return false
            }
            dispatched += 1
            switch frame {
            case .oversized(let byteCount):
                var reply: [UInt8] = []
                RPCDispatcher<RequestContext>.oversizedLineReply(
                    byteCount: byteCount, limit: environment.limits.maximumLineBytes, into: &reply)
                connection.enqueueReady(reply)
            case .line(let line):
                // Nothing is queued (see the loop's condition), so the reply may go straight out.
                let pending = environment.dispatcher.handle(
                    line: line, context: connection.context, output: &connection.output)
                if let pending {
                    connection.enqueuePending(pending)
                    repliesInFlight += 1
                    let id = connection.id
                    let identifier = ObjectIdentifier(pending)
                    pending.whenReady { [self] bytes in
                        post(.replyReady(connection: id, reply: identifier, bytes: bytes))
                    }
                }
            }
        }
        return true
    }

    /// Writes what can be written, then closes the connection or updates its epoll interest.
    private func afterOutputChange(_ connection: Connection) {
        guard connections[connection.id] != nil else { return }
        if connection.unsentByteCount > environment.limits.maximumOutputBytes + environment.limits.maximumLineBytes {
            close(connection, reason: "not reading its output (\(connection.unsentByteCount) bytes unsent)")
            return
        }
        guard connection.flush() else {
            close(connection, reason: nil)
            return
        }
        if connection.isFinished {
            close(connection, reason: nil)
            return
        }
        var wanted: EpollEvents = []
        if connection.wantsInput { wanted.insert(.readable) }
        if connection.hasUnsentOutput { wanted.insert(.writable) }
        if wanted != connection.registeredEvents {
            do {
                try epoll.modify(connection.descriptor, events: wanted, userData: connection.id)
                connection.registeredEvents = wanted
            } catch {
                close(connection, reason: "epoll_ctl failed: \(error)")
            }
        }
    }

    private func close(_ connection: Connection, reason: String?) {
        guard connections.removeValue(forKey: connection.id) != nil else { return }
        if let reason {
            environment.logger.warning(
                "closing connection \(connection.id) (pid \(connection.context.peer.pid), uid \(connection.context.peer.uid)): \(reason)"
            )
        }
        try? epoll.remove(connection.descriptor)
        try? connection.descriptor.close()
        environment.connectionClosed(connection.context.connection)
    }
}

/// What every event loop shares: the dispatcher, the counters, the limits, and the callbacks
/// that tie it to the server.
struct LoopEnvironment: Sendable {
    var dispatcher: RPCDispatcher<RequestContext>
    var metrics: ServerMetrics
    var limits: ServerLimits
    var logger: Logger
    /// Hands a freshly accepted descriptor to the server, which picks its loop.
    var distribute: @Sendable (FileDescriptor) -> Void
    /// Called once for every connection that ends, on its loop's thread.
    var connectionClosed: @Sendable (ConnectionHandle) -> Void
}
