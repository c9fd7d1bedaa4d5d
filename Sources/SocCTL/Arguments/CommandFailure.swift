/// A command's failure that is not a usage mistake: an error reply, an unreachable daemon, an
/// unreadable input file.
package struct CommandFailure: CommandLineError, Hashable, Sendable, CustomStringConvertible {
    package var message: String
    package var exitStatus: ExitStatus

    package init(_ message: String, exitStatus: ExitStatus) {
        self.message = message
        self.exitStatus = exitStatus
    }

    package var description: String { message }

    /// The daemon answered with an error.
    package static func failure(_ message: String) -> CommandFailure {
        CommandFailure(message, exitStatus: .failure)
    }

    /// The daemon could not be reached.
    package static func unavailable(_ message: String) -> CommandFailure {
        CommandFailure(message, exitStatus: .unavailable)
    }

    /// Input data given to the command is malformed.
    package static func dataError(_ message: String) -> CommandFailure {
        CommandFailure(message, exitStatus: .dataError)
    }

    /// A file named on the command line cannot be read.
    package static func noInput(_ message: String) -> CommandFailure {
        CommandFailure(message, exitStatus: .noInput)
    }

    /// The daemon refused because the caller lacks the rights.
    package static func noPermission(_ message: String) -> CommandFailure {
        CommandFailure(message, exitStatus: .noPermission)
    }
}
