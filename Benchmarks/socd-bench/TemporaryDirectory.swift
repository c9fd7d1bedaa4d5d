import Glibc

/// A fresh directory under `$TMPDIR` (default /tmp) for one suite's sockets and state; removed,
/// with everything the servers left in it, by `remove()`.
struct TemporaryDirectory {
    let path: String

    init(prefix: String) throws {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw BenchmarkFailure.other("mkdtemp in \(base) failed: errno \(errno)")
        }
        path = String(cString: created)
    }

    /// A path inside the directory; Unix socket paths must stay under 108 bytes, which a
    /// default `$TMPDIR` leaves plenty of room for.
    func file(_ name: String) -> String { path + "/" + name }

    func remove() { Self.removeTree(path) }

    private static func removeTree(_ path: String) {
        guard let directory = opendir(path) else {
            unlink(path)
            return
        }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            if unlink(child) != 0 { removeTree(child) }
        }
        closedir(directory)
        rmdir(path)
    }
}
