/// Suite 4: how long socd takes from posix_spawn to READY=1 on a NOTIFY_SOCKET of ours (the
/// point at which systemd would consider it started), and from SIGTERM to exit, beside the echo
/// server's spawn-to-first-accepted-connect and SIGTERM-to-exit.
struct StartupBenchmark {
    let paths: BenchmarkPaths
    var starts = 10

    func run() throws -> FigureTable {
        let directory = try TemporaryDirectory(prefix: "socd-bench-startup")
        defer { directory.remove() }
        var table = FigureTable(title: "start-up: spawn to ready, and SIGTERM to exit", baseline: "echo baseline")
        let state = directory.file("socd-state")

        var echoReady = Samples(capacity: starts)
        var echoStop = Samples(capacity: starts)
        for _ in 0..<starts {
            let echo = try ServerProcess.echo(paths, in: directory)
            echoReady.append(echo.startNanoseconds)
            echoStop.append(echo.stop())
        }

        // The first start creates and migrates the database; the rest open it, as a
        // socket-activated socd usually does.
        let first = try ServerProcess.socd(paths, in: directory, stateDirectory: state)
        let firstReady = first.startNanoseconds
        first.stop()
        var socdReady = Samples(capacity: starts)
        var socdStop = Samples(capacity: starts)
        for _ in 0..<starts {
            let socd = try ServerProcess.socd(paths, in: directory, stateDirectory: state)
            socdReady.append(socd.startNanoseconds)
            socdStop.append(socd.stop())
        }

        table.add("to READY=1, new state dir", .nanoseconds(firstReady), baseline: .nanoseconds(echoReady.median()))
        table.add(
            "to READY=1, existing database, median", .nanoseconds(socdReady.median()),
            baseline: .nanoseconds(echoReady.median()))
        table.add(
            "to READY=1, existing database, p90", .nanoseconds(socdReady.percentile(0.9)),
            baseline: .nanoseconds(echoReady.percentile(0.9)))
        table.add(
            "SIGTERM to exit, median", .nanoseconds(socdStop.median()), baseline: .nanoseconds(echoStop.median()))
        table.note(
            "\(starts) starts each; the echo baseline is ready at its first accepted connect "
                + "(polled every 20 µs) and dies on SIGTERM's default action; no target is set for these")
        return table
    }
}
