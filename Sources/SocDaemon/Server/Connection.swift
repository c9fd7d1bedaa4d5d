import JSONRPC
import SocPOSIX

/// One client connection's state. Confined to its event loop's thread.
///
/// Requests run in the order they were sent: while a deferred request (a durable write) is
/// outstanding, the connection's later lines wait, unread, so that a pipelined `rules.list`
/// after a `rules.add` sees the rule. Replies therefore leave in request order too; `queue`
/// keeps them in order around pending ones and `output` holds bytes that may be written now.
final class Connection {
    enum QueuedReply {
        case pending(ObjectIdentifier)
        case ready([UInt8])
    }

    let id: UInt64
    let descriptor: FileDescriptor
    let context: RequestContext
    var framer: LineFramer
    /// Bytes ready to write, from `outputStart` on.
    var output: [UInt8] = []
    var outputStart = 0
    /// Replies waiting behind a pending one; `queueStart` is the head.
    var queue: [QueuedReply] = []
    var queueStart = 0
    /// False once the peer has half-closed: what is buffered is still served, nothing more is read.
    var inputOpen = true
    /// True while the server shuts down: nothing more is read, but lines already read (socd
    /// received them) are still served.
    var draining = false

    /// Whether the next buffered line may be dispatched now: not while a deferred reply is
    /// outstanding (only a pending reply ever starts the queue).
    var mayDispatch: Bool { !hasQueuedReplies }
    /// Whether to ask epoll for more input. While a deferred reply is outstanding, input stays
    /// in the kernel: the framer would only buffer it, without bound.
    var wantsInput: Bool { inputOpen && !draining && mayDispatch }
    /// Nothing more will arrive or be sent: the connection can close.
    var isFinished: Bool { (draining || !inputOpen) && isIdle }
    /// The epoll interest currently registered, to skip redundant `epoll_ctl` calls.
    var registeredEvents: EpollEvents = []

    init(id: UInt64, descriptor: FileDescriptor, context: RequestContext, maximumLineBytes: Int) {
        self.id = id
        self.descriptor = descriptor
        self.context = context
        self.framer = LineFramer(maxLineLength: maximumLineBytes)
    }

    var unsentByteCount: Int {
        var count = output.count - outputStart
        for index in queueStart..<queue.count {
            if case .ready(let bytes) = queue[index] { count += bytes.count }
        }
        return count
    }

    var hasQueuedReplies: Bool { queueStart < queue.count }
    var hasUnsentOutput: Bool { outputStart < output.count }
    /// Nothing more will be sent: no request in flight and no bytes waiting.
    var isIdle: Bool { !hasQueuedReplies && !hasUnsentOutput }

    /// Adds reply bytes that are ready now, behind any pending reply.
    func enqueueReady(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if !hasQueuedReplies {
            output.append(contentsOf: bytes)
        } else if case .ready(var tail) = queue[queue.count - 1] {
            queue[queue.count - 1] = .ready([])  // release the old storage before growing it
            tail.append(contentsOf: bytes)
            queue[queue.count - 1] = .ready(tail)
        } else {
            queue.append(.ready(bytes))
        }
    }

    /// Adds a notification line. It queues behind pending replies like any other output, so a
    /// subscriber never sees an event before the reply that created its subscription.
    func enqueueNotification(_ bytes: [UInt8]) { enqueueReady(bytes) }

    func enqueuePending(_ reply: RPCPendingReply) {
        queue.append(.pending(ObjectIdentifier(reply)))
    }

    /// Fills in a pending reply and moves every reply now at the head of the queue to `output`.
    func resolvePending(_ identifier: ObjectIdentifier, bytes: [UInt8]) {
        guard
            let index = queue[queueStart...].firstIndex(where: {
                if case .pending(let pending) = $0 { pending == identifier } else { false }
            })
        else { return }
        queue[index] = .ready(bytes)
        while queueStart < queue.count, case .ready(let ready) = queue[queueStart] {
            output.append(contentsOf: ready)
            queue[queueStart] = .ready([])
            queueStart += 1
        }
        if queueStart == queue.count {
            queue.removeAll(keepingCapacity: queue.capacity <= 64)
            queueStart = 0
        } else if queueStart > 1024 && queueStart * 2 > queue.count {
            queue.removeFirst(queueStart)
            queueStart = 0
        }
    }

    /// Writes as much output as the socket takes. Returns false when the peer is gone.
    func flush() -> Bool {
        while outputStart < output.count {
            let result = output.withUnsafeBytes { bytes in
                Result { () throws(SystemError) in
                    try descriptor.send(UnsafeRawBufferPointer(rebasing: bytes[outputStart...]))
                }
            }
            switch result {
            case .success(.written(let count)): outputStart += count
            case .success(.wouldBlock):
                if outputStart > 64 << 10 && outputStart * 2 > output.count {
                    output.removeFirst(outputStart)
                    outputStart = 0
                }
                return true
            case .failure: return false
            }
        }
        // Keep a modest buffer for the next replies; give back what a large reply grew.
        output.removeAll(keepingCapacity: output.capacity <= 64 << 10)
        outputStart = 0
        return true
    }
}
