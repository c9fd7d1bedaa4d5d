import Glibc

/// Where the binaries under test are: next to this executable, as `swift build` and
/// `make bench` leave them (`.build/release/socd`, `.build/release/socctl`).
struct BenchmarkPaths {
    /// This executable, re-run in its echo-server mode for the baseline.
    let benchmark: String
    let socd: String
    let socctl: String

    static func locate() throws -> BenchmarkPaths {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { throw BenchmarkFailure.other("cannot read /proc/self/exe: errno \(errno)") }
        let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let directory = String(executable[..<(executable.lastIndex(of: "/") ?? executable.startIndex)])
        let paths = BenchmarkPaths(
            benchmark: executable, socd: directory + "/socd", socctl: directory + "/socctl")
        guard access(paths.socd, X_OK) == 0 else {
            throw BenchmarkFailure.other(
                "no socd next to the benchmark at \(paths.socd); build it first (make bench does)")
        }
        return paths
    }
}
