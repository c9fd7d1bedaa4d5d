import Glibc
import SocPOSIX

/// One request at a time on one connection, each round trip timed: the latency client.
///
/// The control-plane suite keeps one pinger per server and alternates blocks of round trips
/// between them, so that a burst of load from elsewhere on the machine lands on both figures.
struct SequentialPinger {
    let server: ServerProcess
    let workload: PingWorkload
    private let socket: FileDescriptor
    private var reply = [UInt8](repeating: 0, count: 4096)
    private var sent = 0

    init(server: ServerProcess, workload: PingWorkload) throws {
        self.server = server
        self.workload = workload
        do {
            socket = try UnixSocket.connect(path: server.socketPath)
        } catch {
            throw BenchmarkFailure.other("connecting to \(server.name): \(error)")
        }
    }

    func close() { try? socket.close() }

    /// Makes `count` round trips, appending each one's duration to `samples` when given.
    /// The first and last replies of each call are checked against the workload.
    mutating func roundTrips(_ count: Int, into samples: inout Samples) throws {
        for index in 0..<count {
            let elapsed = try roundTrip(checked: index == 0 || index == count - 1)
            samples.append(elapsed)
        }
    }

    mutating func warmUp(_ count: Int) throws {
        for index in 0..<count { _ = try roundTrip(checked: index == 0) }
    }

    private mutating func roundTrip(checked: Bool) throws -> Double {
        let id = sent % PingWorkload.distinctIDs + 1
        sent += 1
        let start = Stopwatch.now
        var length = 0
        do {
            try workload.lines[id - 1].withUnsafeBytes { try socket.sendAll($0) }
            // One request is outstanding, so the reply is complete when a read ends in a newline.
            while length == 0 || reply[length - 1] != UInt8(ascii: "\n") {
                if length == reply.count { reply += [UInt8](repeating: 0, count: reply.count) }
                let result = try reply.withUnsafeMutableBytes { buffer in
                    try socket.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[length...]))
                }
                guard case .bytes(let read) = result else { throw SystemError(errno: ECONNRESET, function: "read") }
                length += read
            }
        } catch {
            throw BenchmarkFailure.other("\(server.name), round trip \(sent): \(error)")
        }
        let elapsed = Stopwatch.elapsed(since: start)
        if checked {
            let line = reply[..<(length - 1)]
            guard workload.accepts(line, id) else {
                throw BenchmarkFailure.unexpectedReply(
                    from: server.name, expected: workload.expectation, got: Array(line))
            }
        }
        return elapsed
    }
}
