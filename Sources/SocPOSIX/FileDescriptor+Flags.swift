import Glibc

extension FileDescriptor {
    /// Whether reads and writes return "would block" instead of waiting (O_NONBLOCK).
    package var isNonblocking: Bool {
        get throws(SystemError) {
            let flags = try syscall("fcntl(F_GETFL)") { fcntl(rawValue, F_GETFL) }
            return flags & O_NONBLOCK != 0
        }
    }

    /// Whether the descriptor is closed in children after exec (FD_CLOEXEC).
    package var isCloseOnExec: Bool {
        get throws(SystemError) {
            let flags = try syscall("fcntl(F_GETFD)") { fcntl(rawValue, F_GETFD) }
            return flags & FD_CLOEXEC != 0
        }
    }

    /// Sets or clears O_NONBLOCK.
    package func setNonblocking(_ nonblocking: Bool = true) throws(SystemError) {
        let flags = try syscall("fcntl(F_GETFL)") { fcntl(rawValue, F_GETFL) }
        let updated = nonblocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK
        if updated != flags {
            try syscall("fcntl(F_SETFL)") { fcntl(rawValue, F_SETFL, updated) }
        }
    }

    /// Sets or clears FD_CLOEXEC.
    package func setCloseOnExec(_ closeOnExec: Bool = true) throws(SystemError) {
        let flags = try syscall("fcntl(F_GETFD)") { fcntl(rawValue, F_GETFD) }
        let updated = closeOnExec ? flags | FD_CLOEXEC : flags & ~FD_CLOEXEC
        if updated != flags {
            try syscall("fcntl(F_SETFD)") { fcntl(rawValue, F_SETFD, updated) }
        }
    }
}
