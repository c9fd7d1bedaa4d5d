import Glibc

/// CPU time of a process in nanoseconds, summed over its threads from
/// `/proc/PID/task/TID/schedstat` (first field: time spent on a CPU, kept by the scheduler in
/// nanoseconds).
///
/// `/proc/PID/stat` counts in clock ticks of 10 ms, too coarse for a process that uses a few
/// milliseconds in ten seconds; this is exact. Threads that ended between two readings drop out
/// of the sum, so compare readings of a process whose threads live as long as it does.
enum ThreadCPUTime {
    static func nanoseconds(of pid: pid_t) -> Double? {
        guard let directory = opendir("/proc/\(pid)/task") else { return nil }
        defer { closedir(directory) }
        var total = 0.0
        var threads = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.first?.isNumber == true, let onCPU = firstField(of: "/proc/\(pid)/task/\(name)/schedstat")
            else { continue }
            total += onCPU
            threads += 1
        }
        return threads > 0 ? total : nil
    }

    private static func firstField(of path: String) -> Double? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, Int32(line.count), file) != nil else { return nil }
        let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }
}
