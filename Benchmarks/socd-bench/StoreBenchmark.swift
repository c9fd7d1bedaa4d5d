import Glibc
import SocStore
import Synchronization

/// Durable audit appends: the group-committing `StoreWriter` with 1 and 16 concurrent submitters,
/// beside the baseline of one `BEGIN IMMEDIATE … COMMIT` per job on a plain connection, all with
/// `synchronous=FULL` in WAL mode, in a fresh directory under `$TMPDIR` (default /tmp).
func runStoreBenchmark() {
    do {
        try StoreBenchmark().run()
    } catch {
        print("store benchmark failed: \(error)")
    }
}

private struct StoreBenchmark {
    let jobs = 4_000
    let root: String

    init() throws {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/socd-bench-store-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw BenchmarkError("mkdtemp failed: errno \(errno)") }
        root = String(cString: created)
    }

    func run() throws {
        defer { removeTree(root) }
        print("store: durable audit appends, SQLite \(Store.sqliteVersion), WAL, \(jobs) jobs per line, in \(root)")
        let full = try baseline(synchronous: .full, directory: "baseline-full")
        report("one transaction per job, synchronous=FULL (baseline)", full)
        let normal = try baseline(synchronous: .normal, directory: "baseline-normal")
        report("one transaction per job, synchronous=NORMAL (not durable on power loss)", normal)

        let single = try throughStore(submitters: 1, directory: "writer-1")
        report("StoreWriter, 1 submitter waiting for each commit", single, against: full)
        let sixteen = try throughStore(submitters: 16, directory: "writer-16")
        report("StoreWriter, 16 concurrent submitters (group commit)", sixteen, against: full)
        print(
            "  median latency of one job (submit to durable completion, idle writer): "
                + "\(format(median(single.latencies) / 1_000, digits: 1)) µs; baseline commit "
                + "\(format(median(full.latencies) / 1_000, digits: 1)) µs")
    }

    // MARK: Measurements

    struct Measurement {
        var seconds: Double
        var jobs: Int
        /// Per-job latency in nanoseconds, where measured one job at a time.
        var latencies: [Double]
        /// Commits the writer made for those jobs, where it went through the writer.
        var transactions: Int?
        var jobsPerSecond: Double { Double(jobs) / seconds }
    }

    private func baseline(synchronous: DatabaseConfiguration.Synchronous, directory: String) throws -> Measurement {
        let state = root + "/" + directory
        let store = try Store.open(stateDirectory: state)  // for the schema only
        store.close()
        var configuration = DatabaseConfiguration(access: .readWriteCreate)
        configuration.synchronous = synchronous
        let db = try Database(path: state + "/" + Store.fileName, configuration: configuration)
        defer { db.close() }
        var latencies: [Double] = []
        latencies.reserveCapacity(jobs)
        let start = now()
        for index in 0..<jobs {
            let began = now()
            try db.transaction(.immediate) { try AuditTrail.append(record(index), in: db) }
            latencies.append(now() - began)
        }
        return Measurement(seconds: (now() - start) / 1e9, jobs: jobs, latencies: latencies)
    }

    private func throughStore(submitters: Int, directory: String) throws -> Measurement {
        let store = try Store.open(stateDirectory: root + "/" + directory)
        defer { store.close() }
        let perSubmitter = jobs / submitters
        let latencies = Mutex<[Double]>([])
        let failures = Atomic<Int>(0)
        let start = now()
        let threads = (0..<submitters).map { submitter in
            spawn {
                var mine: [Double] = []
                mine.reserveCapacity(perSubmitter)
                for step in 0..<perSubmitter {
                    let began = now()
                    let entry = record(submitter * perSubmitter + step)
                    do {
                        _ = try store.write { db in try AuditTrail.append(entry, in: db) }
                    } catch {
                        failures.add(1, ordering: .relaxed)
                    }
                    mine.append(now() - began)
                }
                latencies.withLock { $0 += mine }
            }
        }
        for thread in threads { pthread_join(thread, nil) }
        let seconds = (now() - start) / 1e9
        let count = try store.read { db in try db.scalar("SELECT count(*) FROM audit") as Int? } ?? 0
        guard failures.load(ordering: .relaxed) == 0, count == perSubmitter * submitters else {
            throw BenchmarkError("\(failures.load(ordering: .relaxed)) jobs failed; \(count) rows stored")
        }
        return Measurement(
            seconds: seconds, jobs: count, latencies: latencies.withLock { $0 },
            transactions: store.writerStatistics?.transactions)
    }

    private func record(_ index: Int) -> AuditRecord {
        AuditRecord(
            atMilliseconds: 1_700_000_000_000 + Int64(index), uid: 1000, gid: 1000, pid: 4242, method: "rules.add",
            params: #"{"src":"203.0.113.7","dst":"10.0.0.10","dport":80,"action":"DROP"}"#, outcome: .ok)
    }

    // MARK: Output

    private func report(_ label: String, _ measurement: Measurement, against baseline: Measurement? = nil) {
        var line = "  \(label): \(format(measurement.jobsPerSecond, digits: 0)) jobs/s"
        if let baseline {
            line += " (\(format(measurement.jobsPerSecond / baseline.jobsPerSecond, digits: 2))× baseline)"
        }
        if let transactions = measurement.transactions, transactions > 0 {
            line += ", \(format(Double(measurement.jobs) / Double(transactions), digits: 1)) jobs per commit"
        }
        print(line)
    }

    private func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    private func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return digits == 0 ? String(Int(rounded)) : String(rounded)
    }

    private func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
    }

    private func removeTree(_ path: String) {
        // The benchmark made only directories of SQLite files, one level deep.
        guard let directory = opendir(path) else { return }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            if unlink(child) != 0 { removeTree(child) }
        }
        closedir(directory)
        rmdir(path)
    }
}

private struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Starts a joinable pthread running `body`: submitters must be real threads that block, which
/// Dispatch would cap at the core count.
private func spawn(_ body: @escaping @Sendable () -> Void) -> pthread_t {
    final class Box: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    var thread = pthread_t()
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    let code = pthread_create(
        &thread, nil,
        { context in
            Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context)
    precondition(code == 0, "pthread_create failed: \(code)")
    return thread
}
