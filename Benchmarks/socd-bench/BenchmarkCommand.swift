import Glibc

/// The command line of `socd-bench`: which suites to run, and the run itself.
enum BenchmarkCommand {
    /// Runs the named suites (all when none are named) and returns the exit status: 0 when every
    /// suite ran, whatever the figures; 1 when one could not run; 64 for an unknown suite name.
    /// Missed targets are reported, not failed on: figures on a shared machine vary.
    static func run(_ arguments: [String], suites: [BenchmarkSuite], scoreboard: Scoreboard) -> Int32 {
        if arguments.contains("--list") || arguments.contains("-h") || arguments.contains("--help") {
            print("usage: socd-bench [--list] [SUITE...]\n\nsuites (all of them when none is named):")
            let width = suites.map(\.name.count).max() ?? 0
            for suite in suites {
                print(
                    "  " + suite.name + String(repeating: " ", count: width - suite.name.count) + "  " + suite.summary)
            }
            return 0
        }
        let unknown = arguments.filter { name in !suites.contains { $0.name == name } }
        guard unknown.isEmpty else {
            printToStandardError("socd-bench: no suite named \(unknown.joined(separator: ", ")); try socd-bench --list")
            return 64
        }
        let selected = arguments.isEmpty ? suites : suites.filter { arguments.contains($0.name) }
        let paths: BenchmarkPaths
        do {
            paths = try BenchmarkPaths.locate()
        } catch {
            printToStandardError("socd-bench: \(error)")
            return 1
        }
        // A server that goes away mid-run must fail the suite, not kill the benchmark.
        signal(SIGPIPE, SIG_IGN)
        print(machineDescription(paths))
        let start = Stopwatch.now
        for suite in selected {
            switch suite.body {
            case .table(let measure):
                do {
                    scoreboard.record(try measure(paths), suite: suite.name)
                } catch {
                    scoreboard.recordFailure(suite: suite.name, error)
                }
            case .printing(let body):
                print("")
                body()
            }
        }
        print(scoreboard.summary)
        print("run took \(Quantity.nanoseconds(Stopwatch.elapsed(since: start)).formatted)")
        return scoreboard.failedSuites.isEmpty ? 0 : 1
    }

    private static func machineDescription(_ paths: BenchmarkPaths) -> String {
        var names = utsname()
        uname(&names)
        let release = withUnsafeBytes(of: names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let machine = withUnsafeBytes(of: names.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return "socd-bench: \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) CPUs online, Linux \(release) \(machine), "
            + "unpinned; binaries in \(paths.socd.dropLast(5))"
    }
}
