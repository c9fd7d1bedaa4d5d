import Glibc
import SocPOSIX

/// The baseline server: echoes every complete line back, with no JSON, over the same kind of
/// socket and in the same I/O style as socd — `loops` epoll threads with non-blocking sockets,
/// the first of which accepts and deals connections out in turn, and each read's complete lines
/// answered with one send. What socd takes beyond this is the cost of JSON-RPC.
///
/// It polls after activity exactly as socd does (`--busy-poll`), so that the two differ only in
/// what they do with a line.
///
/// It runs as its own process (`socd-bench echo-server PATH LOOPS BUSY-POLL-US`, which `ServerProcess`
/// spawns) so that it competes for the CPUs exactly as socd does.
enum EchoServer {
    static let commandName = "echo-server"

    /// Serves until killed. Returns an exit status only when it cannot start.
    static func main(_ arguments: [String]) -> Int32 {
        guard arguments.count == 3, let loopCount = Int(arguments[1]), loopCount >= 1,
            let busyPollMicroseconds = UInt64(arguments[2])
        else {
            printToStandardError("usage: socd-bench \(commandName) SOCKET-PATH LOOPS BUSY-POLL-MICROSECONDS")
            return 64
        }
        do {
            try Signals.ignore(SIGPIPE)
            _ = try? ProcessStats.raiseOpenFileLimit()
            let listener = try UnixSocket.listen(path: arguments[0], mode: 0o600)
            let loops = try (0..<loopCount).map { _ in try EchoLoop(busyPollNanoseconds: busyPollMicroseconds * 1_000) }
            loops[0].accept(from: listener, dealingTo: loops)
            for loop in loops.dropFirst() {
                _ = try PosixThread.spawn(name: "echo-io", detached: true) { loop.run() }
            }
            loops[0].run()
        } catch {
            printToStandardError("echo server: \(error)")
        }
        return 1
    }
}

/// One epoll thread of the echo server.
///
/// Safety of `@unchecked Sendable`: `connections`, `listener`, `peers`, `nextPeer` and the read
/// buffer are used only by the thread in `run()` (the listener and peers are set before any
/// thread starts); other loops reach this one only through the handoff socket, whose sends the
/// kernel serializes.
private final class EchoLoop: @unchecked Sendable {
    private final class Peer {
        let descriptor: FileDescriptor
        /// The incomplete last line of earlier reads.
        var partial: [UInt8] = []
        /// Echoed bytes the socket would not take yet.
        var unsent: [UInt8] = []
        /// Registered for writability (and not readability) until `unsent` drains.
        var waitsToWrite = false
        init(descriptor: FileDescriptor) { self.descriptor = descriptor }
    }

    private let epoll: Epoll
    private let busyPollNanoseconds: UInt64
    /// Accepted descriptors arrive here as 4-byte messages from the accepting loop.
    private let handoffReceiver: FileDescriptor
    let handoffSender: FileDescriptor
    private var connections: [Int32: Peer] = [:]
    private var listener: FileDescriptor?
    private var peers: [EchoLoop] = []
    private var nextPeer = 0
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)

    private static let handoffToken = UInt64(UInt32.max) + 1
    private static let listenerToken = UInt64(UInt32.max) + 2

    init(busyPollNanoseconds: UInt64) throws {
        self.busyPollNanoseconds = busyPollNanoseconds
        epoll = try Epoll()
        (handoffReceiver, handoffSender) = try UnixSocket.socketPair(nonblocking: true)
        try epoll.add(handoffReceiver, events: .readable, userData: Self.handoffToken)
    }

    func accept(from listener: FileDescriptor, dealingTo loops: [EchoLoop]) {
        self.listener = listener
        peers = loops
        try? epoll.add(listener, events: .readable, userData: Self.listenerToken)
    }

    func run() {
        var wasActive = false
        while true {
            let handled = try? epoll.wait(
                timeoutMilliseconds: -1, afterPollingFor: wasActive ? busyPollNanoseconds : 0
            ) { event in dispatch(event) }
            wasActive = (handled ?? 0) > 0
        }
    }

    private func dispatch(_ event: EpollEvent) {
        switch event.userData {
        case Self.listenerToken: acceptAll()
        case Self.handoffToken: receiveHandoffs()
        default: serve(Int32(truncatingIfNeeded: event.userData), events: event.events)
        }
    }

    private func acceptAll() {
        guard let listener else { return }
        while let accepted = try? UnixSocket.accept(listener) {
            let loop = peers[nextPeer % peers.count]
            nextPeer += 1
            if loop === self {
                adopt(accepted)
            } else {
                var raw = accepted.rawValue
                _ = withUnsafeBytes(of: &raw) { try? loop.handoffSender.sendAll($0) }
            }
        }
    }

    private func receiveHandoffs() {
        var raw: Int32 = 0
        while case .bytes(4)? = withUnsafeMutableBytes(of: &raw, { try? handoffReceiver.read(into: $0) }) {
            adopt(FileDescriptor(rawValue: raw))
        }
    }

    private func adopt(_ descriptor: FileDescriptor) {
        connections[descriptor.rawValue] = Peer(descriptor: descriptor)
        try? epoll.add(descriptor, events: .readable, userData: UInt64(UInt32(bitPattern: descriptor.rawValue)))
    }

    private func serve(_ raw: Int32, events: EpollEvents) {
        guard let peer = connections[raw] else { return }
        if events.contains(.writable) && !flush(peer) { return close(peer) }
        guard events.contains(.readable) || !events.isDisjoint(with: [.hangup, .error]) else { return }
        while true {
            switch try? peer.descriptor.read(into: buffer) {
            case .bytes(let count)?:
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
                guard let lastNewline = chunk.lastIndex(of: UInt8(ascii: "\n")) else {
                    peer.partial.append(contentsOf: chunk)
                    continue
                }
                let lines = UnsafeRawBufferPointer(rebasing: chunk[...lastNewline])
                if peer.partial.isEmpty && peer.unsent.isEmpty {
                    let sent = (try? peer.descriptor.send(lines)) ?? .written(-1)
                    switch sent {
                    case .written(let written) where written == lines.count: break
                    case .written(let written) where written >= 0:
                        peer.unsent.append(contentsOf: lines[written...])
                    case .wouldBlock: peer.unsent.append(contentsOf: lines)
                    default: return close(peer)
                    }
                } else {
                    peer.unsent += peer.partial
                    peer.unsent.append(contentsOf: lines)
                    peer.partial.removeAll(keepingCapacity: true)
                    if !flush(peer) { return close(peer) }
                }
                peer.partial.append(contentsOf: chunk[(lastNewline + 1)...])
                if !peer.unsent.isEmpty {
                    // Stop reading until the client reads what it was sent.
                    peer.waitsToWrite = true
                    try? epoll.modify(peer.descriptor, events: .writable, userData: UInt64(UInt32(bitPattern: raw)))
                    return
                }
                if count < buffer.count { return }
            case .wouldBlock?: return
            case .endOfFile?, nil: return close(peer)
            }
        }
    }

    /// Sends what is pending; re-arms reading once it is all gone. False when the peer is gone.
    private func flush(_ peer: Peer) -> Bool {
        while !peer.unsent.isEmpty {
            let result = peer.unsent.withUnsafeBytes { try? peer.descriptor.send($0) }
            switch result {
            case .written(let count)?: peer.unsent.removeFirst(count)
            case .wouldBlock?: return true
            case nil: return false
            }
        }
        if peer.waitsToWrite {
            peer.waitsToWrite = false
            let token = UInt64(UInt32(bitPattern: peer.descriptor.rawValue))
            try? epoll.modify(peer.descriptor, events: .readable, userData: token)
        }
        return true
    }

    private func close(_ peer: Peer) {
        connections[peer.descriptor.rawValue] = nil
        try? epoll.remove(peer.descriptor)
        try? peer.descriptor.close()
    }
}
