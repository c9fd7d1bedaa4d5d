import Glibc
import SocPOSIX

extension Systemd {
    /// Whether standard error is connected to the journal (systemd sets `JOURNAL_STREAM` to
    /// the `device:inode` of the stream it connected), in which case socd should log through
    /// `Journal` for structured fields instead of writing text lines.
    ///
    /// Comparing with fstat(2) of fd 2 catches a variable inherited by a process whose
    /// standard error was redirected elsewhere.
    package static func stderrIsJournalStream() -> Bool {
        guard let value = Environment.get("JOURNAL_STREAM") else {
            return false
        }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]),
            let status = try? FileSystem.status(of: .standardError)
        else {
            return false
        }
        return status.device == device && status.inode == inode
    }
}
