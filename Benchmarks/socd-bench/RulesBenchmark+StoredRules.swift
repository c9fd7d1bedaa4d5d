import Glibc
import SocSim
import SocStore

/// The large-table half of the rules suite: `rules.addMany` of 100,000 rules, and socd's start-up
/// and memory once a million rules are stored.
///
/// The million-rule database is built through the socket, `storedRules / bulkRules` addMany
/// requests into one socd; the first of them, into an empty table, is the addMany figure, beside
/// the same rows inserted in process by a bare loop over `FirewallRuleTable.insert` in one
/// transaction: what the request costs above SQLite itself.
extension RulesBenchmark {
    /// Time for freshly started servers to settle before VmRSS is read.
    static let settleMicroseconds: UInt32 = 300_000

    func measureStoredRules(
        into table: inout FigureTable, numbers: inout RuleNumbers, directory: TemporaryDirectory
    ) throws {
        var empty = try startRepeatedly(stateDirectory: directory.file("empty-state"), label: "empty", in: directory)

        let storedState = directory.file("stored-state")
        let builder = try ServerProcess.socd(
            paths, in: directory, stateDirectory: storedState, label: "stored", options: Self.largeLineOptions)
        var batches = Samples(capacity: storedRules / bulkRules)
        var firstBatch = 0.0
        do {
            defer { builder.stop() }
            var connection = try RequestConnection(to: builder)
            defer { connection.close() }
            for index in 0..<(storedRules / bulkRules) {
                let line = RuleWorkload.addManyRequest(rules: numbers.take(bulkRules))
                let elapsed = try Stopwatch.time {
                    try connection.exchange(line, expecting: RuleWorkload.createdMany(bulkRules))
                }
                if index == 0 { firstBatch = elapsed }
                batches.append(elapsed)
            }
        }
        let sqliteLoop = try insertInProcess(count: bulkRules, directory: directory)
        var stored = try startRepeatedly(
            stateDirectory: storedState, label: "stored", in: directory, expectingRules: storedRules)

        let bulk = Quantity.grouped(bulkRules)
        let million = Quantity.grouped(storedRules)
        table.add(
            "rules.addMany \(bulk), empty table (SQLite loop)", .nanoseconds(firstBatch),
            baseline: .nanoseconds(sqliteLoop), target: .below(.milliseconds(1_000)))
        table.add(
            "rules.addMany \(bulk), slowest of \(batches.count) (SQLite loop)", .nanoseconds(batches.percentile(1)),
            baseline: .nanoseconds(sqliteLoop))
        table.add(
            "to READY=1, \(million) rules (empty database)", .nanoseconds(stored.ready.median()),
            baseline: .nanoseconds(empty.ready.median()), target: .below(.milliseconds(1_000)))
        table.add(
            "RSS with \(million) rules (empty database)", .bytes(stored.residentBytes),
            baseline: .bytes(empty.residentBytes))
        table.note(
            "addMany: one \(Quantity.bytes(RuleWorkload.addManyRequest(rules: 0..<bulkRules).count).formatted) "
                + "request line, send to reply, socd with \(Self.largeLineOptions.joined(separator: " ")); "
                + "the \(million)-rule database is built by \(batches.count) of them "
                + "(median \(Quantity.nanoseconds(batches.median()).formatted)); "
                + "SQLite loop: Store.open in process + FirewallRuleTable.insert × \(bulk) in one write")
        table.note(
            "start-up: median of \(restarts) starts of an existing database, posix_spawn to READY=1 on "
                + "NOTIFY_SOCKET; RSS: VmRSS \(Self.settleMicroseconds / 1000) ms after the last of them "
                + "(the simulation runs in both)")
    }

    /// Starts socd on `stateDirectory` once to create or settle the database, then `restarts`
    /// more times; returns the spawn-to-READY times of the restarts and VmRSS after the last.
    /// With `expectingRules`, checks that socd reports that many rules.
    private func startRepeatedly(
        stateDirectory: String, label: String, in directory: TemporaryDirectory, expectingRules: Int? = nil
    ) throws -> (ready: Samples, residentBytes: Int) {
        if expectingRules == nil {
            try ServerProcess.socd(paths, in: directory, stateDirectory: stateDirectory, label: label).stop()
        }
        var ready = Samples(capacity: restarts)
        var resident = 0
        for attempt in 0..<restarts {
            let socd = try ServerProcess.socd(paths, in: directory, stateDirectory: stateDirectory, label: label)
            defer { socd.stop() }
            ready.append(socd.startNanoseconds)
            guard attempt == restarts - 1 else { continue }
            usleep(Self.settleMicroseconds)
            guard let bytes = socd.residentSetBytes() else {
                throw BenchmarkFailure.other("cannot read VmRSS of \(label) socd: \(socd.logTail)")
            }
            resident = bytes
            if let expectingRules {
                var connection = try RequestConnection(to: socd)
                defer { connection.close() }
                let reply = try connection.call("rules.list", #"{"limit":1}"#)
                guard reply.contains(#""total":\#(expectingRules)"#) else {
                    throw BenchmarkFailure.other(
                        "socd restarted on \(stateDirectory) does not hold \(expectingRules) rules: \(reply.prefix(300))"
                    )
                }
            }
        }
        return (ready, resident)
    }

    /// Nanoseconds to insert `count` rules with `FirewallRuleTable.insert` in one write of a
    /// freshly opened store (synchronous=FULL, as socd's default).
    private func insertInProcess(count: Int, directory: TemporaryDirectory) throws -> Double {
        let store = try Store.open(stateDirectory: directory.file("sqlite-loop-state"))
        defer { store.close() }
        let now = Int64(time(nil)) * 1000
        let rules = (0..<count).map { RuleWorkload.rule($0, createdAt: now) }
        return try Stopwatch.time {
            _ = try store.write { db in
                for rule in rules { _ = try FirewallRuleTable.insert(rule, after: nil, before: nil, in: db) }
            }
        }
    }
}
