import Glibc

/// What kind of socket a descriptor is: used to check that an inherited descriptor really
/// is the listening Unix stream socket socd expects.
package struct SocketInfo: Sendable, Hashable {
    /// Address family (SO_DOMAIN), e.g. `AF_UNIX`.
    package var domain: Int32
    /// Socket type (SO_TYPE), e.g. `SOCK_STREAM`.
    package var type: Int32
    /// Whether listen(2) has been called on it (SO_ACCEPTCONN).
    package var isListening: Bool

    package init(domain: Int32, type: Int32, isListening: Bool) {
        self.domain = domain
        self.type = type
        self.isListening = isListening
    }

    /// A Unix domain stream socket in the listening state.
    package var isListeningUnixStream: Bool {
        domain == AF_UNIX && type == Int32(SOCK_STREAM.rawValue) && isListening
    }
}
