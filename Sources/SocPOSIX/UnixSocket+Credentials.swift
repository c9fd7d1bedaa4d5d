import CSocShims
import Glibc

extension UnixSocket {
    /// The process, user and group at the other end of a connected Unix socket (SO_PEERCRED).
    package static func peerCredentials(_ socket: FileDescriptor) throws(SystemError) -> PeerCredentials {
        var credentials = PeerCredentials(pid: 0, uid: 0, gid: 0)
        try syscall("getsockopt(SO_PEERCRED)") {
            CSocShims_peer_credentials(socket.rawValue, &credentials.pid, &credentials.uid, &credentials.gid)
        }
        return credentials
    }

    /// Domain, type and listening state of a socket; throws `ENOTSOCK` for other descriptors.
    package static func socketInfo(_ socket: FileDescriptor) throws(SystemError) -> SocketInfo {
        var domain: Int32 = 0
        var type: Int32 = 0
        var listening: Int32 = 0
        try syscall("getsockopt(SO_DOMAIN)") {
            CSocShims_socket_info(socket.rawValue, &domain, &type, &listening)
        }
        return SocketInfo(domain: domain, type: type, isListening: listening != 0)
    }

    /// Whether `descriptor` is a listening Unix stream socket; false for anything else,
    /// including descriptors that are not sockets or not open.
    package static func isListeningUnixStreamSocket(_ descriptor: FileDescriptor) -> Bool {
        (try? socketInfo(descriptor).isListeningUnixStream) ?? false
    }
}
