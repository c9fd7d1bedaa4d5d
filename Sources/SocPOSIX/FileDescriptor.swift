import Glibc

/// An open file descriptor: a plain `Int32` with the operations socd needs.
///
/// A value type, so copies name the same kernel object: exactly one owner calls `close()`,
/// and nothing uses any copy afterwards (the number may already belong to another file).
package struct FileDescriptor: Sendable, Hashable, CustomStringConvertible {
    package let rawValue: Int32

    package init(rawValue: Int32) {
        precondition(rawValue >= 0, "invalid file descriptor \(rawValue)")
        self.rawValue = rawValue
    }

    package static let standardInput = FileDescriptor(rawValue: STDIN_FILENO)
    package static let standardOutput = FileDescriptor(rawValue: STDOUT_FILENO)
    package static let standardError = FileDescriptor(rawValue: STDERR_FILENO)

    package var description: String { "fd \(rawValue)" }

    /// Closes the descriptor.
    ///
    /// `EINTR` is not retried and not reported: on Linux the descriptor is released before
    /// close(2) can be interrupted, and closing again could close a number another thread
    /// has just been given.
    package func close() throws(SystemError) {
        if Glibc.close(rawValue) == -1 {
            let errorNumber = errno
            if errorNumber != EINTR {
                throw SystemError(errno: errorNumber, function: "close")
            }
        }
    }

    /// A new descriptor for the same open file, with close-on-exec set.
    package func duplicate() throws(SystemError) -> FileDescriptor {
        let raw = try syscall("fcntl(F_DUPFD_CLOEXEC)") { fcntl(rawValue, F_DUPFD_CLOEXEC, 0) }
        return FileDescriptor(rawValue: raw)
    }

    /// Makes `target` refer to the same open file (dup2(2)); whatever `target` was is closed.
    /// The new descriptor does not have close-on-exec set, which is what passing it to a
    /// child process needs.
    package func duplicate(onto target: Int32) throws(SystemError) -> FileDescriptor {
        let raw = try syscall("dup2") { dup2(rawValue, target) }
        return FileDescriptor(rawValue: raw)
    }
}
