import CSQLite
import Glibc

/// File-system chores around the state directory.
enum StateDirectory {
    /// Creates `path` and any missing parents with mode 0750 (less the umask); an existing
    /// directory is left as it is.
    static func create(_ path: String) throws {
        guard !path.isEmpty else {
            throw DatabaseError(extendedResultCode: SQLITE_CANTOPEN, message: "the state directory path is empty")
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o750) != 0 && errno != EEXIST {
                throw directoryError(prefix, errno: errno)
            }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw directoryError(path, errno: errno) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw directoryError(path, errno: ENOTDIR) }
    }

    static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The size of the file at `path`, or nil when there is none.
    static func fileSize(_ path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    private static func directoryError(_ path: String, errno code: Int32) -> DatabaseError {
        DatabaseError(
            extendedResultCode: SQLITE_CANTOPEN,
            message: "cannot create the state directory: \(String(cString: strerror(code)))", path: path)
    }
}
