import Glibc
import SocPOSIX

/// What a running command writes to and reads its surroundings from. Commands take everything
/// from here rather than from globals, so that tests run them in-process against memory streams.
package struct CommandContext {
    package var terminal: Terminal
    package let standardOutput: OutputStream
    package let standardError: OutputStream
    /// Where `socctl call METHOD -` reads its params from.
    package var standardInput: FileDescriptor
    /// The environment variables the command may consult (`SOCD_SOCKET`, `XDG_RUNTIME_DIR`).
    package var environment: [String: String]
    /// The effective user id, which picks the default socket path (root's is under `/run`).
    package var effectiveUID: UInt32

    package init(
        terminal: Terminal, standardOutput: OutputStream, standardError: OutputStream,
        standardInput: FileDescriptor = .standardInput, environment: [String: String] = [:], effectiveUID: UInt32 = 0
    ) {
        self.terminal = terminal
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardInput = standardInput
        self.environment = environment
        self.effectiveUID = effectiveUID
    }

    /// The context of this process: its terminal, file descriptors 0, 1 and 2, its environment
    /// and its effective uid.
    package static func process() -> CommandContext {
        CommandContext(
            terminal: .current(), standardOutput: OutputStream(fileDescriptor: STDOUT_FILENO),
            standardError: OutputStream(fileDescriptor: STDERR_FILENO), standardInput: .standardInput,
            environment: Environment.snapshot(), effectiveUID: Accounts.effectiveUID)
    }

    /// The style for standard output.
    package var style: Style { terminal.outputStyle }

    /// The style for standard error.
    package var errorStyle: Style { terminal.errorStyle }
}
