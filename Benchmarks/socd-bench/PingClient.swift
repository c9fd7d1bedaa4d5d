import Glibc
import SocPOSIX
import Synchronization

/// The client side of the control-plane suite. The same code drives socd and the echo
/// baseline, so the two figures differ only in the server.
enum PingClient {
    /// `chunks` × `PingWorkload.distinctIDs` requests on one connection: a writer thread sends
    /// them as fast as the socket takes them while this thread counts replies. Returns
    /// requests per second, from the first send to the last reply.
    static func pipelined(
        to server: ServerProcess, workload: PingWorkload, chunks: Int
    ) throws -> Double {
        let socket = try connect(to: server)
        defer { try? socket.close() }
        let total = chunks * PingWorkload.distinctIDs
        let writeFailure = Mutex<String?>(nil)
        let start = Stopwatch.now
        let writer: PosixThread
        do {
            writer = try PosixThread.spawn(name: "bench-writer") {
                do {
                    for _ in 0..<chunks {
                        try workload.chunk.withUnsafeBytes { (bytes) throws in try socket.sendAll(bytes) }
                    }
                } catch {
                    writeFailure.withLock { $0 = "\(error)" }
                }
            }
        } catch {
            throw BenchmarkFailure.system(error)
        }
        var counter = ReplyCounter()
        let outcome = Result { () throws in try counter.read(total, from: socket, server: server) }
        let elapsed = Stopwatch.elapsed(since: start)
        if case .failure = outcome { try? UnixSocket.shutdown(socket, .both) }
        try? writer.join()
        if let error = writeFailure.withLock({ $0 }) {
            throw BenchmarkFailure.other("\(server.name): sending requests: \(error)")
        }
        try outcome.get()
        try counter.verifyLastReply(id: PingWorkload.distinctIDs, workload: workload, server: server)
        return Double(total) / (elapsed / 1e9)
    }

    /// `connections` connections at once, each with one thread that pipelines `chunks` ×
    /// `PingWorkload.distinctIDs` requests, writing and reading as poll(2) allows. Returns the
    /// combined requests per second.
    static func concurrent(
        to server: ServerProcess, workload: PingWorkload, connections: Int, chunks: Int
    ) throws -> Double {
        let sockets = try (0..<connections).map { _ throws in try connect(to: server) }
        defer { for socket in sockets { try? socket.close() } }
        let failures = Mutex<[String]>([])
        let start = Stopwatch.now
        var threads: [PosixThread] = []
        for socket in sockets {
            do {
                threads.append(
                    try PosixThread.spawn(name: "bench-conn") {
                        do {
                            try pipelineOnOneThread(socket, workload: workload, chunks: chunks, server: server)
                        } catch {
                            failures.withLock { $0.append("\(error)") }
                        }
                    })
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        for thread in threads { try? thread.join() }
        let elapsed = Stopwatch.elapsed(since: start)
        if let first = failures.withLock({ $0.first }) { throw BenchmarkFailure.other(first) }
        return Double(connections * chunks * PingWorkload.distinctIDs) / (elapsed / 1e9)
    }

    private static func pipelineOnOneThread(
        _ socket: FileDescriptor, workload: PingWorkload, chunks: Int, server: ServerProcess
    ) throws {
        do {
            try socket.setNonblocking()
        } catch {
            throw BenchmarkFailure.system(error)
        }
        let total = chunks * PingWorkload.distinctIDs
        let bytesToSend = chunks * workload.chunk.count
        var sent = 0
        var counter = ReplyCounter()
        while counter.count < total {
            var poller = pollfd(
                fd: socket.rawValue, events: Int16(POLLIN) | (sent < bytesToSend ? Int16(POLLOUT) : 0), revents: 0)
            guard poll(&poller, 1, 10_000) > 0 else {
                throw BenchmarkFailure.other("\(server.name) stalled after \(counter.count) of \(total) replies")
            }
            if poller.revents & Int16(POLLOUT) != 0 {
                let offset = sent % workload.chunk.count
                let length = min(workload.chunk.count - offset, bytesToSend - sent)
                let result = workload.chunk.withUnsafeBytes { bytes in
                    Result { () throws in
                        try socket.send(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]))
                    }
                }
                switch result {
                case .success(.written(let count)): sent += count
                case .success(.wouldBlock): break
                case .failure(let error): throw BenchmarkFailure.other("\(server.name): sending requests: \(error)")
                }
            }
            if poller.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                try counter.readAvailable(from: socket, server: server)
            }
        }
        try counter.verifyLastReply(id: PingWorkload.distinctIDs, workload: workload, server: server)
    }

    private static func connect(to server: ServerProcess) throws -> FileDescriptor {
        do {
            return try UnixSocket.connect(path: server.socketPath)
        } catch {
            throw BenchmarkFailure.other("connecting to \(server.name): \(error)")
        }
    }
}

/// Counts reply lines as they stream in and keeps the end of the stream, so the last reply
/// can be checked once the count is reached.
private struct ReplyCounter {
    private enum ReadOutcome { case data, wouldBlock, endOfFile }

    private(set) var count = 0
    private var buffer = [UInt8](repeating: 0, count: 256 << 10)
    private var tail: [UInt8] = []

    /// Blocks until `total` replies have arrived on the blocking `socket`.
    mutating func read(_ total: Int, from socket: FileDescriptor, server: ServerProcess) throws {
        while count < total {
            guard try readOnce(from: socket, server: server) != .endOfFile else {
                throw BenchmarkFailure.connectionClosed(by: server.name, afterReplies: count)
            }
        }
    }

    /// Reads until the non-blocking `socket` has nothing more.
    mutating func readAvailable(from socket: FileDescriptor, server: ServerProcess) throws {
        while true {
            switch try readOnce(from: socket, server: server) {
            case .data: continue
            case .wouldBlock: return
            case .endOfFile: throw BenchmarkFailure.connectionClosed(by: server.name, afterReplies: count)
            }
        }
    }

    private mutating func readOnce(
        from socket: FileDescriptor, server: ServerProcess
    ) throws
        -> ReadOutcome
    {
        let result: IOResult
        do {
            result = try buffer.withUnsafeMutableBytes { (bytes) throws in try socket.read(into: bytes) }
        } catch {
            throw BenchmarkFailure.other("\(server.name): reading replies: \(error)")
        }
        switch result {
        case .endOfFile:
            return .endOfFile
        case .wouldBlock:
            return .wouldBlock
        case .bytes(let length):
            buffer.withUnsafeBytes { bytes in
                var newlines = 0
                for byte in bytes[..<length] where byte == UInt8(ascii: "\n") { newlines += 1 }
                count += newlines
            }
            // Keep enough of the stream's end to hold the last complete line.
            tail.append(contentsOf: buffer[max(0, length - 512)..<length])
            if tail.count > 1024 { tail.removeFirst(tail.count - 512) }
            return .data
        }
    }

    /// The last reply must answer the last request of a chunk, whose id is `id`.
    func verifyLastReply(id: Int, workload: PingWorkload, server: ServerProcess) throws {
        let withoutNewline = tail.last == UInt8(ascii: "\n") ? tail.dropLast() : tail[...]
        let start = withoutNewline.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? withoutNewline.startIndex
        let line = withoutNewline[start...]
        guard workload.accepts(line, id) else {
            throw BenchmarkFailure.unexpectedReply(from: server.name, expected: workload.expectation, got: Array(line))
        }
    }
}
