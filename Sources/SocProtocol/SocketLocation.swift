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
}
