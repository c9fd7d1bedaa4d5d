import Glibc

/// Who is on the other end of a Unix socket, as the kernel recorded it when the peer
/// connected (SO_PEERCRED): it cannot be forged by the peer.
package struct PeerCredentials: Sendable, Hashable {
    package var pid: pid_t
    package var uid: uid_t
    package var gid: gid_t

    package init(pid: pid_t, uid: uid_t, gid: gid_t) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}
