/// The status `socctl` exits with; the values follow `sysexits.h` so that scripts can tell a
/// mistyped command line (64) from a daemon that is not running (69) from an error reply (1).
package struct ExitStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package var rawValue: Int32

    package init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The command did what was asked.
    package static let success = ExitStatus(rawValue: 0)
    /// The daemon answered with an error, or a check the command makes did not pass.
    package static let failure = ExitStatus(rawValue: 1)
    /// The command line was wrong (`EX_USAGE`).
    package static let usage = ExitStatus(rawValue: 64)
    /// Input data (a file, a JSON argument) was malformed (`EX_DATAERR`).
    package static let dataError = ExitStatus(rawValue: 65)
    /// An input file named on the command line does not exist or cannot be read (`EX_NOINPUT`).
    package static let noInput = ExitStatus(rawValue: 66)
    /// The daemon could not be reached: no socket, connection refused (`EX_UNAVAILABLE`).
    package static let unavailable = ExitStatus(rawValue: 69)
    /// An internal error: a bug, or a reply that breaks the protocol (`EX_SOFTWARE`).
    package static let software = ExitStatus(rawValue: 70)
    /// A system call failed in a way that is not the daemon's fault (`EX_OSERR`).
    package static let osError = ExitStatus(rawValue: 71)
    /// Reading or writing a file or the terminal failed (`EX_IOERR`).
    package static let ioError = ExitStatus(rawValue: 74)
    /// A temporary failure worth retrying, such as an overloaded daemon (`EX_TEMPFAIL`).
    package static let temporaryFailure = ExitStatus(rawValue: 75)
    /// The daemon refused a change because the caller lacks the rights (`EX_NOPERM`).
    package static let noPermission = ExitStatus(rawValue: 77)
    /// The configuration (environment, socket path) is unusable (`EX_CONFIG`).
    package static let configuration = ExitStatus(rawValue: 78)
    /// The command was interrupted by SIGINT, as a shell reports it (128 + 2).
    package static let interrupted = ExitStatus(rawValue: 130)

    package var description: String { String(rawValue) }
}
