import CSocShims
import Glibc

/// Unix domain datagram sockets, the transport of systemd's notification protocol: tests
/// and tools bind one as `NOTIFY_SOCKET` to see what socd reports.
package enum UnixDatagramSocket {
    /// A datagram socket bound to `path` (which must not exist). Read one datagram per
    /// `FileDescriptor.read(into:)`; a datagram longer than the buffer is truncated.
    package static func bind(path: String, nonblocking: Bool = false) throws(SystemError) -> FileDescriptor {
        let socket = try UnixSocket.makeSocket(type: Int32(SOCK_DGRAM.rawValue), nonblocking: nonblocking)
        do throws(SystemError) {
            try syscall("bind", path: path) { CSocShims_bind_unix(socket.rawValue, path) }
            return socket
        } catch {
            try? socket.close()
            throw error
        }
    }

    /// An unbound datagram socket connected to the one bound at `path`.
    package static func connect(path: String) throws(SystemError) -> FileDescriptor {
        let socket = try UnixSocket.makeSocket(type: Int32(SOCK_DGRAM.rawValue), nonblocking: false)
        do throws(SystemError) {
            try syscall("connect", path: path) { CSocShims_connect_unix(socket.rawValue, path) }
            return socket
        } catch {
            try? socket.close()
            throw error
        }
    }
}
