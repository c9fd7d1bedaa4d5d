import SocPOSIX
import Synchronization

/// Suite `rules`: firewall rule changes through a real socd, each figure beside a baseline from
/// the same run.
///
/// - Durable `rules.add` (one rule per request, each acknowledged only once fsynced), on one
///   connection and from 16 concurrent connections, beside the same socd started with
///   `--durability normal` (no fsync per commit); the one-connection median also beside a bare
///   write-and-`fdatasync` on the same file system, the floor a durable commit cannot beat.
/// - `socctl rules add` wall time per invocation beside `socctl --version`.
/// - `rules.addMany` of 100,000 rules beside the same rows inserted by a bare SQLite loop
///   (`FirewallRuleTable.insert` in one transaction, in process); start-up and memory with a
///   million stored rules beside an empty database (see `RulesBenchmark+StoredRules.swift`).
struct RulesBenchmark {
    let paths: BenchmarkPaths
    /// Sequential `rules.add` round trips per durability mode, after `warmUp` untimed ones.
    var sequentialRequests = 2_000
    var warmUp = 100
    /// The sequential round trips alternate between the two socds in this many blocks.
    var latencyBlocks = 4
    var clients = 16
    var requestsPerClient = 250
    var syncSamples = 1_000
    var socctlInvocations = 200
    var socctlWarmUp = 10
    var bulkRules = 100_000
    var storedRules = 1_000_000
    var restarts = 3

    /// A `rules.addMany` of 100,000 rules is a 7 MB line, over socd's default 1 MiB limit.
    static let largeLineOptions = ["--max-line-bytes", String(64 << 20)]

    func run() throws -> FigureTable {
        let directory = try TemporaryDirectory(prefix: "socd-bench-rules")
        defer { directory.remove() }
        var table = FigureTable(title: "rules: durable rule changes through socd's socket", baseline: "baseline")
        var numbers = RuleNumbers()

        try measureAdds(into: &table, numbers: &numbers, directory: directory)
        try measureStoredRules(into: &table, numbers: &numbers, directory: directory)
        table.note(
            "baselines: (normal) the same socd with --durability normal, which commits without fsync; "
                + "(fdatasync) pwrite of \(FileSyncProbe.bytes) bytes + fdatasync on the state dir's file system, "
                + "median of \(Quantity.grouped(syncSamples)) taken between the 1-client blocks; "
                + "the floor is the least a durable rules.add can take here (the request without a sync, then one "
                + "sync): above 150 µs, that target cannot be met on this machine")
        table.note(
            "every rule is distinct (sources counted up from 100.64.0.0, DROP to \(RuleWorkload.destination):80), "
                + "so each request creates a rule and writes its audit entry")
        return table
    }

    // MARK: - rules.add

    private func measureAdds(
        into table: inout FigureTable, numbers: inout RuleNumbers, directory: TemporaryDirectory
    ) throws {
        let full = try ServerProcess.socd(paths, in: directory, label: "full")
        defer { full.stop() }
        let normal = try ServerProcess.socd(paths, in: directory, label: "normal", options: ["--durability", "normal"])
        defer { normal.stop() }

        var fullConnection = try RequestConnection(to: full)
        defer { fullConnection.close() }
        var normalConnection = try RequestConnection(to: normal)
        defer { normalConnection.close() }
        var untimed = Samples()
        try addSequentially(warmUp, on: &fullConnection, numbers: &numbers, into: &untimed)
        try addSequentially(warmUp, on: &normalConnection, numbers: &numbers, into: &untimed)
        var fullLatency = Samples(capacity: sequentialRequests)
        var normalLatency = Samples(capacity: sequentialRequests)
        var syncLatency = Samples(capacity: syncSamples)
        var fullSeconds = 0.0
        var normalSeconds = 0.0
        // The fdatasync floor is sampled between the blocks too, so that a burst of other I/O on
        // the machine lands on it as it does on the commits.
        for _ in 0..<latencyBlocks {
            let block = sequentialRequests / latencyBlocks
            fullSeconds += try addSequentially(block, on: &fullConnection, numbers: &numbers, into: &fullLatency)
            normalSeconds += try addSequentially(block, on: &normalConnection, numbers: &numbers, into: &normalLatency)
            try FileSyncProbe.measure(
                in: directory.file("full-state"), count: syncSamples / latencyBlocks, into: &syncLatency)
        }
        let fullConcurrent = try addConcurrently(to: full, numbers: &numbers)
        let normalConcurrent = try addConcurrently(to: normal, numbers: &numbers)

        table.add(
            "rules.add/s, 1 client (normal)", .perSecond(Double(fullLatency.count) / fullSeconds),
            baseline: .perSecond(Double(normalLatency.count) / normalSeconds))
        table.add(
            "rules.add/s, \(clients) clients (normal)", .perSecond(fullConcurrent),
            baseline: .perSecond(normalConcurrent))
        table.add(
            "rules.add p50, 1 connection (normal)", .nanoseconds(fullLatency.median()),
            baseline: .nanoseconds(normalLatency.median()), target: .atMost(.nanoseconds(150_000)))
        table.add(
            "rules.add p99, 1 connection (normal)", .nanoseconds(fullLatency.percentile(0.99)),
            baseline: .nanoseconds(normalLatency.percentile(0.99)))
        table.add(
            "rules.add p50, 1 connection (fdatasync)", .nanoseconds(fullLatency.median()),
            baseline: .nanoseconds(syncLatency.median()))
        // A durable change cannot be answered sooner than the same request answered without a
        // sync, plus one sync of the disk: that sum is what this machine allows the target.
        table.add(
            "rules.add p50 floor: normal p50 + fdatasync p50",
            .nanoseconds(normalLatency.median() + syncLatency.median()),
            baseline: nil)

        try measureSocctl(into: &table, socd: full, numbers: &numbers, directory: directory)
        table.note(
            "1 client: \(Quantity.grouped(sequentialRequests)) timed requests after \(warmUp) warm-up, in "
                + "\(latencyBlocks) blocks alternating full and normal; \(clients) clients: "
                + "\(requestsPerClient) requests each, one connection and thread per client, one request at a time")
    }

    /// Adds `count` new rules one request at a time, appending each round trip to `samples`.
    /// Returns the seconds the requests took.
    @discardableResult
    private func addSequentially(
        _ count: Int, on connection: inout RequestConnection, numbers: inout RuleNumbers, into samples: inout Samples
    ) throws -> Double {
        let lines = numbers.take(count).map { RuleWorkload.addRequest(id: $0 % 1000 + 1, rule: $0) }
        let start = Stopwatch.now
        for line in lines {
            let began = Stopwatch.now
            try connection.exchange(line, expecting: RuleWorkload.created)
            samples.append(Stopwatch.elapsed(since: began))
        }
        return Stopwatch.elapsed(since: start) / 1e9
    }

    /// `clients` connections at once, each adding `requestsPerClient` rules one at a time on its
    /// own thread; returns the combined requests per second.
    private func addConcurrently(to server: ServerProcess, numbers: inout RuleNumbers) throws -> Double {
        let batches = (0..<clients).map { _ in
            numbers.take(requestsPerClient).map { RuleWorkload.addRequest(id: $0 % 1000 + 1, rule: $0) }
        }
        var connections = try (0..<clients).map { _ in try RequestConnection(to: server) }
        defer { for connection in connections { connection.close() } }
        let failures = Mutex<[String]>([])
        let start = Stopwatch.now
        var threads: [PosixThread] = []
        for (connection, lines) in zip(connections, batches) {
            let worker = Worker(connection: connection, lines: lines)
            do {
                threads.append(
                    try PosixThread.spawn(name: "bench-rules") {
                        if let failure = worker.run() { failures.withLock { $0.append(failure) } }
                    })
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        for thread in threads { try? thread.join() }
        let elapsed = Stopwatch.elapsed(since: start)
        connections.removeAll()
        if let first = failures.withLock({ $0.first }) { throw BenchmarkFailure.other(first) }
        return Double(clients * requestsPerClient) / (elapsed / 1e9)
    }

    // MARK: - socctl rules add

    private func measureSocctl(
        into table: inout FigureTable, socd: ServerProcess, numbers: inout RuleNumbers, directory: TemporaryDirectory
    ) throws {
        let environment = ChildProcess.environment(removing: ["SOCD_SOCKET", "NOTIFY_SOCKET"])
        let errors = directory.file("socctl.stderr")
        var version = Samples(capacity: socctlInvocations)
        var add = Samples(capacity: socctlInvocations)
        let rules = numbers.take(socctlWarmUp + socctlInvocations)
        for (index, number) in rules.enumerated() {
            let versionTime = try timeInvocation(["--version"], environment: environment, errors: errors)
            let addTime = try timeInvocation(
                [
                    "--socket", socd.socketPath, "rules", "add", RuleWorkload.source(number), RuleWorkload.destination,
                    "ANY", "80", "DROP",
                ],
                environment: environment, errors: errors)
            if index >= socctlWarmUp {
                version.append(versionTime)
                add.append(addTime)
            }
        }
        table.add(
            "socctl rules add, median (socctl --version)", .nanoseconds(add.median()),
            baseline: .nanoseconds(version.median()), target: .atMost(.milliseconds(10)))
        table.add(
            "socctl rules add, p90 (socctl --version)", .nanoseconds(add.percentile(0.9)),
            baseline: .nanoseconds(version.percentile(0.9)))
        table.note(
            "socctl: \(socctlInvocations) invocations of each after \(socctlWarmUp) warm-up, alternating, "
                + "posix_spawn to exit, stdout to /dev/null; the positional form SRC DST ANY 80 DROP")
    }

    private func timeInvocation(_ arguments: [String], environment: [String], errors: String) throws -> Double {
        let start = Stopwatch.now
        let status = try ChildProcess.spawn(
            paths.socctl, arguments, environment: environment, standardErrorPath: errors
        ).wait()
        let elapsed = Stopwatch.elapsed(since: start)
        guard status == 0 else {
            throw BenchmarkFailure.other(
                "socctl \(arguments.joined(separator: " ")) exited with status \(status); see its stderr in \(errors)")
        }
        return elapsed
    }
}

/// One concurrent client's requests, run on its own thread.
private struct Worker: @unchecked Sendable {
    // @unchecked Sendable: each Worker is handed to exactly one thread, which alone uses the
    // connection until it is joined.
    var connection: RequestConnection
    let lines: [[UInt8]]

    /// nil on success, else what went wrong.
    func run() -> String? {
        var connection = connection
        do {
            for line in lines { try connection.exchange(line, expecting: RuleWorkload.created) }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
