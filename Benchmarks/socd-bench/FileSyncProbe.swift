import Glibc

/// The cost of making 100 bytes durable on a file system: `pwrite` at offset 0 then
/// `fdatasync`, timed together. Overwriting in place keeps the file's size, so the kernel has no
/// metadata to flush: this is the floor under any commit that must reach the disk, which a
/// `synchronous=FULL` SQLite commit (WAL frames, then an fsync of the WAL) cannot beat.
enum FileSyncProbe {
    static let bytes = 100

    /// Times `count` write-and-sync rounds on a scratch file in `directory`, appending each to
    /// `samples`, then removes the file.
    static func measure(in directory: String, count: Int, into samples: inout Samples) throws {
        let path = directory + "/fdatasync-probe"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw BenchmarkFailure.other("open \(path): \(String(cString: strerror(errno)))")
        }
        defer {
            close(descriptor)
            unlink(path)
        }
        let payload = [UInt8](repeating: UInt8(ascii: "x"), count: bytes)
        for _ in 0..<count {
            let start = Stopwatch.now
            let written = payload.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            guard written == bytes, fdatasync(descriptor) == 0 else {
                throw BenchmarkFailure.other("write and fdatasync \(path): \(String(cString: strerror(errno)))")
            }
            samples.append(Stopwatch.elapsed(since: start))
        }
    }
}
