import CSocShims
import Glibc

/// What this process uses: memory, file descriptors and their limit.
package enum ProcessStats {
    /// Resident memory in bytes, from /proc/self/statm; `nil` when that cannot be read.
    package static func residentSetBytes() -> Int? {
        // statm is "size resident shared text lib data dt", in pages.
        guard let text = try? readSmallFile("/proc/self/statm") else {
            return nil
        }
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else {
            return nil
        }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// How many descriptors this process has open, counted in /proc/self/fd (the count
    /// includes the directory handle used to count); `nil` when that cannot be read.
    package static func openFileDescriptorCount() -> Int? {
        guard let directory = opendir("/proc/self/fd") else {
            return nil
        }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let isDotEntry = withUnsafeBytes(of: entry.pointee.d_name) { $0.first == UInt8(ascii: ".") }
            if !isDotEntry {
                count += 1
            }
        }
        return count
    }

    /// The RLIMIT_NOFILE limits: how many descriptors this process may have open.
    package static func openFileLimit() throws(SystemError) -> ResourceLimit {
        var limit = ResourceLimit(soft: 0, hard: 0)
        try syscall("getrlimit(RLIMIT_NOFILE)") { CSocShims_get_open_file_limit(&limit.soft, &limit.hard) }
        return limit
    }

    /// Raises the soft RLIMIT_NOFILE to the hard limit (socd holds one descriptor per
    /// client, and the usual soft limit of 1024 is too low) and returns the new limits.
    @discardableResult
    package static func raiseOpenFileLimit() throws(SystemError) -> ResourceLimit {
        var limit = try openFileLimit()
        if limit.soft < limit.hard {
            try syscall("setrlimit(RLIMIT_NOFILE)") { CSocShims_set_open_file_limit(limit.hard, limit.hard) }
            limit.soft = limit.hard
        }
        return limit
    }

    /// Reads a file of at most a few kilobytes, such as one under /proc.
    private static func readSmallFile(_ path: String) throws(SystemError) -> String {
        let raw = try syscall("open", path: path) { open(path, O_RDONLY | O_CLOEXEC) }
        let file = FileDescriptor(rawValue: raw)
        defer { try? file.close() }
        return try withUnsafeTemporaryAllocation(byteCount: 4096, alignment: 1) { (buffer) throws(SystemError) in
            var length = 0
            while length < buffer.count {
                switch try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[length...])) {
                case .bytes(let count):
                    length += count
                case .endOfFile, .wouldBlock:
                    return String(decoding: buffer[..<length], as: UTF8.self)
                }
            }
            return String(decoding: buffer[..<length], as: UTF8.self)
        }
    }
}
