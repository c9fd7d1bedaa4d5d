import CSocShims
import Glibc

/// A system call failed. Carries the call's `errno`, the call's name and, where the call
/// named one, the filesystem path, so a message reads like
/// `connect(/run/socd/socd.sock): Connection refused (errno 111)`.
package struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error number (`ECONNREFUSED`, `EPIPE`, ...).
    package var errno: Int32
    /// The system call or library function that failed, e.g. `"connect"`.
    package var function: String
    /// The path the call operated on, when it had one.
    package var path: String?

    package init(errno: Int32, function: String, path: String? = nil) {
        self.errno = errno
        self.function = function
        self.path = path
    }

    /// The error the C library reports right now (read `errno` immediately after the call).
    package static func current(function: String, path: String? = nil) -> SystemError {
        SystemError(errno: Glibc.errno, function: function, path: path)
    }

    /// The C library's text for `errno`, e.g. "Connection refused".
    package var message: String {
        Self.message(forErrno: errno)
    }

    package var description: String {
        let call = path.map { "\(function)(\($0))" } ?? function
        return "\(call): \(message) (errno \(errno))"
    }

    /// The C library's text for an error number, e.g. "Connection refused" for `ECONNREFUSED`.
    package static func message(forErrno errorNumber: Int32) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer in
            CSocShims_strerror(errorNumber, buffer.baseAddress!, buffer.count)
            return String(cString: buffer.baseAddress!)
        }
    }
}
