/// Where the socd socket is, by the rules both the daemon and its clients follow:
/// `--socket`, `$SOCD_SOCKET`, `$RUNTIME_DIRECTORY/socd.sock`, `/run/socd/socd.sock` for root,
/// `$XDG_RUNTIME_DIR/socd/socd.sock`, else `/tmp/socd-$UID/socd.sock`.
///
/// (The daemon first checks for a socket passed by systemd, which has no path to resolve.)
package enum SocketLocation {
    package static func resolve(option: String?, environment: [String: String], uid: UInt32) -> String {
        if let option, !option.isEmpty { return option }
        if let value = environment["SOCD_SOCKET"], !value.isEmpty { return value }
        if let value = environment["RUNTIME_DIRECTORY"], !value.isEmpty,
            let first = value.split(separator: ":", omittingEmptySubsequences: true).first
        {
            return first + "/socd.sock"
        }
        if uid == 0 { return "/run/socd/socd.sock" }
        if let value = environment["XDG_RUNTIME_DIR"], !value.isEmpty { return value + "/socd/socd.sock" }
        return "/tmp/socd-\(uid)/socd.sock"
    }

    /// The system socket systemd's socd.socket listens on.
    package static let systemSocketPath = "/run/socd/socd.sock"

    /// The socket a client should use: as `resolve` says, except that a user who set nothing
    /// and has no per-user daemon reaches the system one, which members of group `socd` may
    /// use. `exists` tells whether a path names something.
    package static func resolveForClient(
        option: String?, environment: [String: String], uid: UInt32, exists: (String) -> Bool
    ) -> String {
        let resolved = resolve(option: option, environment: environment, uid: uid)
        let explicit =
            (option?.isEmpty == false) || environment["SOCD_SOCKET"]?.isEmpty == false
            || environment["RUNTIME_DIRECTORY"]?.isEmpty == false
        if !explicit && uid != 0 && !exists(resolved) && exists(systemSocketPath) { return systemSocketPath }
        return resolved
    }
}
