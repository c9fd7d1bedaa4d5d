import Glibc

/// Suite 3: the wall time of one `socctl --socket S ping` (spawn to exit, against a running
/// socd), beside spawning `/bin/true` the same way: the part of each invocation that is the
/// kernel's process creation, not socctl's.
struct SocctlBenchmark {
    let paths: BenchmarkPaths
    var invocations = 200
    var warmUp = 10
    let baselineExecutable = "/bin/true"

    func run() throws -> FigureTable {
        let directory = try TemporaryDirectory(prefix: "socd-bench-socctl")
        defer { directory.remove() }
        var table = FigureTable(
            title: "socctl ping: wall time per invocation (posix_spawn to exit)", figure: "socctl",
            baseline: baselineExecutable)
        let socd = try ServerProcess.socd(paths, in: directory)
        defer { socd.stop() }
        let environment = ChildProcess.environment(removing: ["SOCD_SOCKET", "NOTIFY_SOCKET"])

        var baseline = try timeInvocations(baselineExecutable, [], environment: environment)
        let ping = ["--socket", socd.socketPath, "ping"]
        let target = Target.atMost(.milliseconds(5))
        if let missing = try whyPingIsUnavailable(socd: socd, directory: directory, environment: environment) {
            table.addUnavailable("median", reason: "n/a", baseline: .nanoseconds(baseline.median()), target: target)
            table.addUnavailable("p90", reason: "n/a", baseline: .nanoseconds(baseline.percentile(0.9)), target: target)
            table.note("socctl ping not available: \(missing)")
            return table
        }
        var socctl = try timeInvocations(paths.socctl, ping, environment: environment)
        table.add("median", .nanoseconds(socctl.median()), baseline: .nanoseconds(baseline.median()), target: target)
        table.add(
            "p90", .nanoseconds(socctl.percentile(0.9)), baseline: .nanoseconds(baseline.percentile(0.9)),
            target: target)
        table.note("\(invocations) invocations each after \(warmUp) warm-up, stdout to /dev/null, one at a time")
        return table
    }

    private func timeInvocations(
        _ executable: String, _ arguments: [String], environment: [String]
    ) throws -> Samples {
        var samples = Samples(capacity: invocations)
        for index in 0..<(warmUp + invocations) {
            let start = Stopwatch.now
            let status = try ChildProcess.spawn(executable, arguments, environment: environment).wait()
            let elapsed = Stopwatch.elapsed(since: start)
            guard status == 0 else {
                throw BenchmarkFailure.other(
                    "\(executable) \(arguments.joined(separator: " ")) exited with status \(status)")
            }
            if index >= warmUp { samples.append(elapsed) }
        }
        return samples
    }

    /// nil when `socctl ping` works: it succeeds against socd and fails against a path where
    /// nothing listens (so a socctl that ignores its command is not mistaken for a working one).
    private func whyPingIsUnavailable(
        socd: ServerProcess, directory: TemporaryDirectory, environment: [String]
    ) throws -> String? {
        guard access(paths.socctl, X_OK) == 0 else { return "no executable at \(paths.socctl)" }
        let errors = directory.file("socctl.stderr")
        let live = try ChildProcess.spawn(
            paths.socctl, ["--socket", socd.socketPath, "ping"], environment: environment, standardErrorPath: errors
        ).wait()
        guard live == 0 else { return "`socctl --socket \(socd.socketPath) ping` exited with status \(live)" }
        let absent = directory.file("nothing-listens-here.sock")
        let dead = try ChildProcess.spawn(paths.socctl, ["--socket", absent, "ping"], environment: environment).wait()
        guard dead != 0 else { return "`socctl ping` reports success even with no daemon listening" }
        return nil
    }
}
