/// One named group of measurements that `socd-bench NAME` runs on its own.
struct BenchmarkSuite {
    enum Body {
        /// Measures and returns a table of figures beside baselines, with their targets; the
        /// scoreboard prints it (a suite may print its details first, as the matcher and SIEM do).
        case table((BenchmarkPaths) throws -> FigureTable)
        /// Prints its own report and checks no target (the codec and store suites).
        case printing(() -> Void)
    }

    let name: String
    let summary: String
    let body: Body

    init(_ name: String, _ summary: String, table: @escaping (BenchmarkPaths) throws -> FigureTable) {
        self.name = name
        self.summary = summary
        self.body = .table(table)
    }

    init(_ name: String, _ summary: String, printing: @escaping () -> Void) {
        self.name = name
        self.summary = summary
        self.body = .printing(printing)
    }
}
