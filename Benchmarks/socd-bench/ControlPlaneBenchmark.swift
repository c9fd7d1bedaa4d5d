/// Suite 1: `system.ping` against a real socd, beside the line-echo baseline, with the same
/// client code: sequential round trips on one connection, pipelined throughput on one
/// connection, and pipelined throughput on four connections at once.
struct ControlPlaneBenchmark {
    let paths: BenchmarkPaths
    var warmUpRoundTrips = 2_000
    var roundTrips = 20_000
    /// The round trips are made in this many alternating blocks, echo then socd.
    var latencyBlocks = 10
    /// Chunks of `PingWorkload.distinctIDs` requests: 1,000 chunks make a million requests.
    var pipelinedChunks = 1_000
    var connections = 4

    func run() throws -> FigureTable {
        let directory = try TemporaryDirectory(prefix: "socd-bench-control")
        defer { directory.remove() }
        let echo = try ServerProcess.echo(paths, in: directory)
        defer { echo.stop() }
        let socd = try ServerProcess.socd(paths, in: directory)
        defer { socd.stop() }

        var table = FigureTable(
            title: "control plane: system.ping on a Unix stream socket (socd vs. line echo, no JSON)",
            baseline: "echo baseline")

        var echoLatency = Samples(capacity: roundTrips)
        var socdLatency = Samples(capacity: roundTrips)
        var echoPinger = try SequentialPinger(server: echo, workload: .echo)
        defer { echoPinger.close() }
        var socdPinger = try SequentialPinger(server: socd, workload: .socd)
        defer { socdPinger.close() }
        try echoPinger.warmUp(warmUpRoundTrips)
        try socdPinger.warmUp(warmUpRoundTrips)
        for _ in 0..<latencyBlocks {
            try echoPinger.roundTrips(roundTrips / latencyBlocks, into: &echoLatency)
            try socdPinger.roundTrips(roundTrips / latencyBlocks, into: &socdLatency)
        }
        table.add(
            "sequential round trip p50", .nanoseconds(socdLatency.median()),
            baseline: .nanoseconds(echoLatency.median()),
            target: .withinRatioOfBaseline(1.5))
        table.add(
            "sequential round trip p99", .nanoseconds(socdLatency.percentile(0.99)),
            baseline: .nanoseconds(echoLatency.percentile(0.99)))

        let echoPipelined = try PingClient.pipelined(to: echo, workload: .echo, chunks: pipelinedChunks)
        let cpuBefore = socd.process.cpuTime()
        let socdPipelined = try PingClient.pipelined(to: socd, workload: .socd, chunks: pipelinedChunks)
        if let before = cpuBefore, let after = socd.process.cpuTime() {
            let requests = Double(pipelinedChunks * PingWorkload.distinctIDs)
            table.note(
                "socd CPU per pipelined request: \(Quantity.nanoseconds((after.user - before.user) / requests).formatted) user, "
                    + "\(Quantity.nanoseconds((after.system - before.system) / requests).formatted) system")
        }
        table.add(
            "pipelined, 1 connection", .perSecond(socdPipelined), baseline: .perSecond(echoPipelined),
            target: .atLeast(.perSecond(500_000)))

        let perConnection = pipelinedChunks / connections
        let echoConcurrent = try PingClient.concurrent(
            to: echo, workload: .echo, connections: connections, chunks: perConnection)
        let socdConcurrent = try PingClient.concurrent(
            to: socd, workload: .socd, connections: connections, chunks: perConnection)
        table.add(
            "pipelined, \(connections) connections", .perSecond(socdConcurrent), baseline: .perSecond(echoConcurrent))

        let requests = Quantity.grouped(pipelinedChunks * PingWorkload.distinctIDs)
        table.note(
            "\(Quantity.grouped(roundTrips)) timed round trips each after \(Quantity.grouped(warmUpRoundTrips)) warm-up, "
                + "in \(latencyBlocks) blocks alternating between the servers; "
                + "\(requests) pipelined requests per throughput figure (\(PingWorkload.request(id: 500).count)-byte lines)"
        )
        table.note(
            "both servers: \(ServerProcess.eventLoops) epoll loop threads polling \(ServerProcess.busyPollMicroseconds) µs after activity, non-blocking sockets, "
                + "connections dealt to the loops in turn; the echo server answers each read's complete lines with one send"
        )
        table.note(
            "pipelined: a writer thread sends while the reader counts replies; \(connections) connections: "
                + "one thread each, writing and reading as poll(2) allows")
        if let resident = socd.residentSetBytes() {
            table.note("socd resident memory after the run: \(Quantity.bytes(resident).formatted)")
        }
        return table
    }
}
