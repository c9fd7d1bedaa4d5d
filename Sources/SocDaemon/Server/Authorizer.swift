import SocPOSIX

/// Decides who may change state: root, the daemon's own user, and members of the admin group.
/// Everyone who can open the socket may read (the socket's mode and group decide who can).
package struct Authorizer: Sendable {
    package let daemonUID: UInt32
    package let adminGroupName: String
    /// Nil when the group does not exist on this system; then only root and socd's user may write.
    package let adminGroupID: UInt32?

    package init(daemonUID: UInt32, adminGroupName: String) {
        self.daemonUID = daemonUID
        self.adminGroupName = adminGroupName
        self.adminGroupID = (try? Accounts.groupID(named: adminGroupName)) ?? nil
    }

    package func mayChangeState(_ peer: PeerCredentials) -> Bool {
        if peer.uid == 0 || peer.uid == daemonUID { return true }
        guard let adminGroupID else { return false }
        if peer.gid == adminGroupID { return true }
        return (try? Accounts.isMember(uid: peer.uid, primaryGID: peer.gid, ofGroup: adminGroupID)) ?? false
    }

    /// The message a refused caller reads: what it needed and who it is.
    package func refusal(method: String, peer: PeerCredentials) -> String {
        "\(method) changes state and needs root, uid \(daemonUID) (socd's own) or membership of group "
            + "'\(adminGroupName)'; you are uid \(peer.uid)"
    }
}
