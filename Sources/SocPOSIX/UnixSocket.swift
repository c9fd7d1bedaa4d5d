import CSocShims
import Glibc

/// Unix domain stream sockets: listening, connecting, accepting, and socket pairs.
///
/// Every descriptor made here has close-on-exec set, so child processes never inherit one
/// by accident.
package enum UnixSocket {
    /// The longest path, in bytes, that a Unix socket address can hold.
    package static let maximumPathLength = Int(CSocShims_UNIX_PATH_MAX)

    /// Creates a socket file at `path` with exactly `mode` (whatever the umask) and listens on it.
    ///
    /// Nothing may exist at `path` yet: clear a stale socket with `SocketPathClaim` first.
    /// The permissions are set between bind(2) and listen(2), so no client can connect while
    /// the file still has the umask's permissions.
    ///
    /// - Parameters:
    ///   - mode: permission bits of the socket file, e.g. `0o660`; connecting needs write permission.
    ///   - backlog: connections the kernel queues before `accept`.
    ///   - nonblocking: whether `accept` on the listener returns `nil` rather than waiting.
    package static func listen(
        path: String, mode: mode_t, backlog: Int32 = 512, nonblocking: Bool = true
    ) throws(SystemError) -> FileDescriptor {
        let socket = try makeSocket(nonblocking: nonblocking)
        var bound = false
        do throws(SystemError) {
            try syscall("bind", path: path) { CSocShims_bind_unix(socket.rawValue, path) }
            bound = true
            try syscall("chmod", path: path) { chmod(path, mode) }
            try syscall("listen", path: path) { Glibc.listen(socket.rawValue, backlog) }
            return socket
        } catch {
            if bound {
                unlink(path)
            }
            try? socket.close()
            throw error
        }
    }

    /// Connects a blocking socket to the listener at `path`.
    ///
    /// Fails at once with `ECONNREFUSED` when nothing listens there and `ENOENT` when no
    /// socket file exists; waits while the listener's backlog is full.
    package static func connect(path: String) throws(SystemError) -> FileDescriptor {
        let socket = try makeSocket(nonblocking: false)
        do throws(SystemError) {
            try syscall("connect", path: path) { CSocShims_connect_unix(socket.rawValue, path) }
            return socket
        } catch {
            try? socket.close()
            throw error
        }
    }

    /// Connects a blocking socket to the listener at `path`, waiting at most `timeout` for
    /// room in a full backlog; throws `ETIMEDOUT` when that runs out.
    ///
    /// The returned socket has no send timeout left over.
    package static func connect(path: String, timeout: Duration) throws(SystemError) -> FileDescriptor {
        let socket = try makeSocket(nonblocking: false)
        do throws(SystemError) {
            // Linux bounds a blocking Unix connect by SO_SNDTIMEO (0 would mean forever).
            let microseconds = max(1, timeout.totalMicroseconds)
            try syscall("setsockopt(SO_SNDTIMEO)") { CSocShims_set_send_timeout(socket.rawValue, microseconds) }
            switch try nonblockingSyscall("connect", path: path, { CSocShims_connect_unix(socket.rawValue, path) }) {
            case .done:
                break
            case .wouldBlock:
                throw SystemError(errno: ETIMEDOUT, function: "connect", path: path)
            }
            try syscall("setsockopt(SO_SNDTIMEO)") { CSocShims_set_send_timeout(socket.rawValue, 0) }
            return socket
        } catch {
            try? socket.close()
            throw error
        }
    }

    /// Accepts one pending connection; `nil` when none is pending on a nonblocking listener.
    ///
    /// The new socket is nonblocking (unless `nonblocking` is false) and close-on-exec,
    /// atomically via accept4(2). A connection the peer aborted before it was accepted is
    /// skipped. Running out of descriptors (`EMFILE`, `ENFILE`) is thrown: the pending
    /// connection stays queued, so back off rather than retrying at once.
    package static func accept(
        _ listener: FileDescriptor, nonblocking: Bool = true
    ) throws(SystemError) -> FileDescriptor? {
        var flags = CSocShims_SOCK_CLOEXEC
        if nonblocking {
            flags |= CSocShims_SOCK_NONBLOCK
        }
        while true {
            do throws(SystemError) {
                switch try nonblockingSyscall("accept4", { CSocShims_accept4(listener.rawValue, flags) }) {
                case .done(let raw):
                    return FileDescriptor(rawValue: raw)
                case .wouldBlock:
                    return nil
                }
            } catch  where error.errno == ECONNABORTED {
                continue
            }
        }
    }

    /// Two connected stream sockets (socketpair(2)), both close-on-exec.
    package static func socketPair(
        nonblocking: Bool = false
    ) throws(SystemError) -> (FileDescriptor, FileDescriptor) {
        var flags = Int32(SOCK_STREAM.rawValue) | CSocShims_SOCK_CLOEXEC
        if nonblocking {
            flags |= CSocShims_SOCK_NONBLOCK
        }
        var descriptors: (Int32, Int32) = (-1, -1)
        try withUnsafeMutableBytes(of: &descriptors) { (raw) throws(SystemError) in
            let pointer = raw.baseAddress!.assumingMemoryBound(to: Int32.self)
            try syscall("socketpair") { Glibc.socketpair(AF_UNIX, flags, 0, pointer) }
        }
        return (FileDescriptor(rawValue: descriptors.0), FileDescriptor(rawValue: descriptors.1))
    }

    /// Which direction `shutdown` closes.
    package enum ShutdownDirection: Sendable {
        case read, write, both

        fileprivate var rawValue: Int32 {
            switch self {
            case .read: Int32(SHUT_RD)
            case .write: Int32(SHUT_WR)
            case .both: Int32(SHUT_RDWR)
            }
        }
    }

    /// Shuts down one or both directions of a connected socket (shutdown(2)); the peer reads
    /// end-of-file once it has read everything sent before a `.write` shutdown.
    package static func shutdown(_ socket: FileDescriptor, _ direction: ShutdownDirection) throws(SystemError) {
        try syscall("shutdown") { Glibc.shutdown(socket.rawValue, direction.rawValue) }
    }

    static func makeSocket(
        type: Int32 = Int32(SOCK_STREAM.rawValue), nonblocking: Bool
    ) throws(SystemError)
        -> FileDescriptor
    {
        var flags = type | CSocShims_SOCK_CLOEXEC
        if nonblocking {
            flags |= CSocShims_SOCK_NONBLOCK
        }
        let raw = try syscall("socket") { Glibc.socket(AF_UNIX, flags, 0) }
        return FileDescriptor(rawValue: raw)
    }
}

extension Duration {
    /// The duration in whole microseconds, rounded down and clamped to `Int64`.
    var totalMicroseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        if overflow {
            return seconds < 0 ? .min : .max
        }
        return scaled + attoseconds / 1_000_000_000_000
    }
}
