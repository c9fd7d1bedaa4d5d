/// Where socd keeps its state, resolved as DESIGN.md's runtime contract says. (The socket's
/// rules are shared with clients, in SocProtocol's `SocketLocation`.)
package enum StateLocation {
    /// State dir: `--state-dir`, `$SOCD_STATE_DIR`, `$STATE_DIRECTORY`, `/var/lib/socd` for root,
    /// `$XDG_STATE_HOME/socd`, else `~/.local/state/socd`.
    package static func resolve(
        option: String?, environment: [String: String], uid: UInt32, home: String?
    ) -> String {
        if let option { return option }
        if let value = environment["SOCD_STATE_DIR"], !value.isEmpty { return value }
        if let value = environment["STATE_DIRECTORY"], !value.isEmpty {
            // systemd passes a colon-separated list when several are configured; ours is the first.
            return String(value.split(separator: ":", omittingEmptySubsequences: true).first ?? Substring(value))
        }
        if uid == 0 { return "/var/lib/socd" }
        if let value = environment["XDG_STATE_HOME"], !value.isEmpty { return value + "/socd" }
        return (environment["HOME"] ?? home ?? "/") + "/.local/state/socd"
    }
}
