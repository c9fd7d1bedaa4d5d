import Glibc
import SocPOSIX

/// Suite 2: socd's resident memory (VmRSS in /proc/PID/status) just after start and with
/// 1,000 idle connections open, beside the echo server's in the same states: the floor that
/// any Swift process with the same I/O design pays.
struct MemoryBenchmark {
    let paths: BenchmarkPaths
    var connections = 1_000
    /// Let freshly accepted connections settle before reading VmRSS.
    var settleMicroseconds: UInt32 = 200_000

    func run() throws -> FigureTable {
        _ = try? ProcessStats.raiseOpenFileLimit()
        let directory = try TemporaryDirectory(prefix: "socd-bench-memory")
        defer { directory.remove() }
        var table = FigureTable(title: "memory: resident set (VmRSS) of the server process", baseline: "echo baseline")

        let socd = try ServerProcess.socd(paths, in: directory)
        defer { socd.stop() }
        let echo = try ServerProcess.echo(paths, in: directory)
        defer { echo.stop() }
        usleep(settleMicroseconds)
        let socdIdle = try resident(socd)
        let echoIdle = try resident(echo)
        table.add("idle, after start", .bytes(socdIdle), baseline: .bytes(echoIdle), target: .below(.megabytes(30)))

        let socdStates = try withIdleConnections(to: socd, workload: .socd) {
            try waitUntilSocdServes(socd, connections: connections + 1)
        }
        let echoStates = try withIdleConnections(to: echo, workload: .echo) {
            // The listener accepts in order, so one answered connect after the others means all
            // of them were accepted; the settle time covers their handoff to the second loop.
            let probe = try UnixSocket.connect(path: echo.socketPath)
            _ = try LineExchange.exchange(PingWorkload.request(id: 1), on: probe)
            try? probe.close()
        }
        let count = Quantity.grouped(connections)
        table.add(
            "\(count) idle connections", .bytes(socdStates.idle), baseline: .bytes(echoStates.idle),
            target: .below(.megabytes(60)))
        table.add(
            "\(count) connections after one ping each", .bytes(socdStates.used), baseline: .bytes(echoStates.used))
        if let after = socd.residentSetBytes() {
            table.note("socd after those connections closed: \(Quantity.bytes(after).formatted)")
        }
        table.note("MB = 10^6 bytes; each server is a fresh process; the connections come from this process")
        return table
    }

    private func resident(_ server: ServerProcess) throws -> Int {
        guard let bytes = server.residentSetBytes() else {
            throw BenchmarkFailure.other(
                "cannot read VmRSS of \(server.name) (pid \(server.process.pid)): \(server.logTail)")
        }
        return bytes
    }

    /// Opens the connections, calls `accepted` to wait until the server holds all of them, and
    /// reads VmRSS; then sends one ping on each and reads it again. Closes them all.
    private func withIdleConnections(
        to server: ServerProcess, workload: PingWorkload, accepted: () throws -> Void
    ) throws -> (idle: Int, used: Int) {
        var sockets: [FileDescriptor] = []
        sockets.reserveCapacity(connections)
        defer { for socket in sockets { try? socket.close() } }
        for _ in 0..<connections { sockets.append(try UnixSocket.connect(path: server.socketPath)) }
        try accepted()
        usleep(settleMicroseconds)
        let idle = try resident(server)
        for socket in sockets {
            let reply = try LineExchange.exchange(workload.lines[0], on: socket)
            guard workload.accepts(reply[...], 1) else {
                throw BenchmarkFailure.unexpectedReply(from: server.name, expected: workload.expectation, got: reply)
            }
        }
        usleep(settleMicroseconds)
        return (idle, try resident(server))
    }

    private func waitUntilSocdServes(_ socd: ServerProcess, connections expected: Int) throws {
        let deadline = Stopwatch.now + 10_000_000_000
        var seen: Int?
        while Stopwatch.now < deadline {
            seen = try LineExchange.socdConnectionCount(socd)
            if seen == expected { return }
            usleep(10_000)
        }
        throw BenchmarkFailure.other(
            "socd reports \(seen.map(String.init) ?? "no") connections, expected \(expected): \(socd.logTail)")
    }
}
