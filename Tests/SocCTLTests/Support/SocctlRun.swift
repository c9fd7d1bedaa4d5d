import SocCTL
import SocPOSIX

/// Runs the real socctl command tree in-process against memory streams.
struct SocctlRun {
    var status: ExitStatus
    var standardOutput: String
    var standardError: String

    init(
        _ arguments: [String], environment: [String: String] = [:], standardInput: FileDescriptor = .standardInput,
        standardErrorIsTerminal: Bool = false
    ) {
        let output = OutputStream.memory()
        let error = OutputStream.memory()
        let terminal = Terminal(
            environment: { _ in nil }, standardOutputIsTerminal: false,
            standardErrorIsTerminal: standardErrorIsTerminal, windowColumns: 80)
        let context = CommandContext(
            terminal: terminal, standardOutput: output, standardError: error, standardInput: standardInput,
            environment: environment, effectiveUID: 1000)
        status = CommandLineTool.run(root: Socctl.root, arguments: arguments, context: context)
        standardOutput = output.text
        standardError = error.text
    }
}
