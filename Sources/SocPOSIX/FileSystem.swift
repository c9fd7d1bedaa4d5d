import Glibc

/// The few filesystem operations socd needs around its socket and state directory.
package enum FileSystem {
    /// The status of what `path` names, not following a final symbolic link; `nil` when
    /// nothing exists there.
    package static func status(atPath path: String) throws(SystemError) -> FileStatus? {
        var raw = stat()
        do {
            try syscall("lstat", path: path) { lstat(path, &raw) }
        } catch  where error.errno == ENOENT {
            return nil
        }
        return FileStatus(raw)
    }

    /// The status of an open descriptor (fstat(2)).
    package static func status(of descriptor: FileDescriptor) throws(SystemError) -> FileStatus {
        var raw = stat()
        try syscall("fstat") { fstat(descriptor.rawValue, &raw) }
        return FileStatus(raw)
    }

    /// Creates `path` and any missing parents, each new directory with exactly `mode`
    /// (whatever the umask). Existing directories are left as they are; an existing
    /// non-directory anywhere on the path fails with `ENOTDIR`.
    package static func makeDirectories(path: String, mode: mode_t = 0o755) throws(SystemError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            try makeDirectory(prefix, mode: mode)
            prefix += "/"
        }
    }

    private static func makeDirectory(_ path: String, mode: mode_t) throws(SystemError) {
        do {
            try syscall("mkdir", path: path) { mkdir(path, mode) }
            try syscall("chmod", path: path) { chmod(path, mode) }
        } catch  where error.errno == EEXIST {
            // stat, not lstat: a symbolic link to a directory is a fine parent.
            var raw = stat()
            try syscall("stat", path: path) { stat(path, &raw) }
            if raw.st_mode & S_IFMT != S_IFDIR {
                throw SystemError(errno: ENOTDIR, function: "mkdir", path: path)
            }
        }
    }

    /// Removes the file at `path` (unlink(2)); `false` when nothing was there.
    @discardableResult
    package static func removeFile(atPath path: String) throws(SystemError) -> Bool {
        do {
            try syscall("unlink", path: path) { unlink(path) }
            return true
        } catch  where error.errno == ENOENT {
            return false
        }
    }

    /// The directory part of `path`: `"/run/socd"` for `"/run/socd/socd.sock"`, `"."` for a
    /// bare name, `"/"` for a file in the root.
    package static func parentDirectory(of path: String) -> String {
        let slash = UInt8(ascii: "/")
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == slash {
            bytes.removeLast()
        }
        guard var end = bytes.lastIndex(of: slash) else {
            return "."
        }
        while end > 0, bytes[end - 1] == slash {
            end -= 1
        }
        return end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
    }
}
