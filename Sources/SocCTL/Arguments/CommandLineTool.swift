import Glibc

/// The entry point of a command-line program built from a `CommandSpec` tree: parses the
/// arguments, prints help or the version or runs the command, and turns errors into a message on
/// standard error and an exit status. `main.swift` calls `exit(main(...).rawValue)`.
package enum CommandLineTool {
    /// Help is wrapped to the terminal, but not wider than this, which stays readable.
    package static let maximumHelpWidth = 100

    /// Runs the program in this process's context. `arguments` excludes the program name.
    package static func main(root: CommandSpec, arguments: [String]) -> ExitStatus {
        run(root: root, arguments: arguments, context: .process())
    }

    /// Runs the program against `context`; both streams are flushed before it returns.
    ///
    /// Errors are reported as `<program>: <message>`: a `UsageError` adds a line pointing at the
    /// command's help and exits 64, a `CommandLineError` exits with its own status, anything else
    /// exits 70 (`ExitStatus.software`), because an error nobody classified is a bug.
    package static func run(root: CommandSpec, arguments: [String], context: CommandContext) -> ExitStatus {
        var status = execute(root: root, arguments: arguments, context: context)
        context.standardOutput.flush()
        if let error = context.standardOutput.writeError, error != EPIPE, status == .success {
            report("cannot write output: \(String(cString: strerror(error)))", program: root.name, context: context)
            status = .ioError
        }
        context.standardError.flush()
        return status
    }

    private static func execute(root: CommandSpec, arguments: [String], context: CommandContext) -> ExitStatus {
        do {
            switch try ArgumentParser(root: root).parse(arguments) {
            case .help(let chain):
                let width = min(context.terminal.width, maximumHelpWidth)
                context.standardOutput.write(HelpFormatter(width: width, style: context.style).help(for: chain))
                return .success
            case .version(let version):
                context.standardOutput.writeLine("\(root.name) \(version)")
                return .success
            case .run(let parsed):
                guard let action = parsed.command.run else {
                    preconditionFailure("the parser returns runnable commands")
                }
                return try action(parsed, context)
            }
        } catch let error as UsageError {
            report(error.message, program: root.name, context: context)
            context.standardError.writeLine(error.hint)
            return .usage
        } catch let error as any CommandLineError {
            report(error.message, program: root.name, context: context)
            return error.exitStatus
        } catch {
            report(String(describing: error), program: root.name, context: context)
            return .software
        }
    }

    private static func report(_ message: String, program: String, context: CommandContext) {
        // What the command printed comes first, as it happened before the error.
        context.standardOutput.flush()
        context.standardError.write("\(program): \(message)\n")
    }
}
