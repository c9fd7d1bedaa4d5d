import Glibc

// `make bench`: every figure beside a baseline measured in the same invocation.
// Usage: socd-bench [--list] [SUITE...]   (no suite names: all of them, in this order)

// The echo baseline is this executable re-run as a server process (see EchoServer.swift).
if CommandLine.arguments.dropFirst().first == EchoServer.commandName {
    exit(EchoServer.main(Array(CommandLine.arguments.dropFirst(2))))
}

let scoreboard = Scoreboard()
let suites: [BenchmarkSuite] = [
    BenchmarkSuite("control", "system.ping latency and throughput, socd vs. a line-echo server") {
        try ControlPlaneBenchmark(paths: $0).run()
    },
    BenchmarkSuite("memory", "socd resident memory idle and with 1,000 idle connections") {
        try MemoryBenchmark(paths: $0).run()
    },
    BenchmarkSuite("socctl", "socctl ping wall time per invocation vs. spawning /bin/true") {
        try SocctlBenchmark(paths: $0).run()
    },
    BenchmarkSuite("startup", "socd spawn to READY=1 and SIGTERM to exit vs. the echo server") {
        try StartupBenchmark(paths: $0).run()
    },
    BenchmarkSuite("rules", "durable rules.add, socctl rules add, addMany and a million stored rules") {
        try RulesBenchmark(paths: $0).run()
    },
    BenchmarkSuite("codec", "JSON parse and serialize, our codec vs. Foundation", printing: runCodecBenchmark),
    BenchmarkSuite("store", "durable audit appends through the group-committing writer", printing: runStoreBenchmark),
    BenchmarkSuite("matcher", "firewall rule matching, compiled rule set vs. a linear scan") { _ in
        runMatcherBenchmark()
    },
    BenchmarkSuite("simulation", "simulated packets through the real firewall, and socd's tick cost") {
        try SimulationThroughputBenchmark(paths: $0).run()
    },
    BenchmarkSuite(
        "siem", "events through normalization, detections and 100,000 indicators; hunts over a million events"
    ) { _ in runSIEMBenchmark() },
]

exit(BenchmarkCommand.run(Array(CommandLine.arguments.dropFirst()), suites: suites, scoreboard: scoreboard))
