import Glibc

/// What a running command writes to and reads its surroundings from. Commands take everything
/// from here rather than from globals, so that tests run them in-process against memory streams.
package struct CommandContext {
    package var terminal: Terminal
    package let standardOutput: OutputStream
    package let standardError: OutputStream
    /// Looks up an environment variable (`SOCD_SOCKET`, `XDG_RUNTIME_DIR`).
    package var environment: @Sendable (String) -> String?

    package init(
        terminal: Terminal, standardOutput: OutputStream, standardError: OutputStream,
        environment: @escaping @Sendable (String) -> String?
    ) {
        self.terminal = terminal
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
    }

    /// The context of this process: its terminal, file descriptors 1 and 2, and `getenv`.
    package static func process() -> CommandContext {
        CommandContext(
            terminal: .current(), standardOutput: OutputStream(fileDescriptor: STDOUT_FILENO),
            standardError: OutputStream(fileDescriptor: STDERR_FILENO),
            environment: { name in getenv(name).map { String(cString: $0) } })
    }

    /// The style for standard output.
    package var style: Style { terminal.outputStyle }

    /// The style for standard error.
    package var errorStyle: Style { terminal.errorStyle }
}
