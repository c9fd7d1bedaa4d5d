import JSONRPC
import SocPOSIX
import Synchronization

/// Lets a freshly accepted connection in: reads its credentials, decides whether it may
/// change state, enforces the connection limit, and hands it to an event loop in turn.
final class Admission: Sendable {
    private let loops: [EventLoop]
    private let limits: ServerLimits
    private let authorizer: Authorizer
    private let metrics: ServerMetrics
    private let logger: Logger
    private let nextConnectionID = Atomic<UInt64>(1)
    private let nextLoop = Atomic<Int>(0)

    init(loops: [EventLoop], limits: ServerLimits, authorizer: Authorizer, metrics: ServerMetrics, logger: Logger) {
        self.loops = loops
        self.limits = limits
        self.authorizer = authorizer
        self.metrics = metrics
        self.logger = logger
    }

    /// Runs on the accepting loop's thread.
    @Sendable func admit(_ descriptor: FileDescriptor) {
        let peer: PeerCredentials
        do {
            peer = try UnixSocket.peerCredentials(descriptor)
        } catch {
            logger.warning("dropping a connection whose credentials cannot be read: \(error)")
            try? descriptor.close()
            return
        }
        if metrics.openConnections.load(ordering: .relaxed) >= limits.maximumConnections {
            refuse(descriptor, peer: peer)
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

    /// Tells a client over the limit why, in the protocol's own terms, and closes.
    private func refuse(_ descriptor: FileDescriptor, peer: PeerCredentials) {
        var line: [UInt8] = []
        let error = RPCError.overloaded("socd is serving its maximum of \(limits.maximumConnections) connections")
        RPCReplyWriter.write(id: .null, outcome: .failure(error), into: &line)
        line.append(UInt8(ascii: "\n"))
        _ = line.withUnsafeBytes { try? descriptor.send($0) }
        try? descriptor.close()
        logger.warning("refused a connection from pid \(peer.pid): at the limit of \(limits.maximumConnections)")
    }
}
