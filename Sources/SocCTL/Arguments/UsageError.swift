/// A mistake on the command line. `CommandLineTool` prints it as `socctl: <message>` followed by
/// `Try 'socctl rules add --help'.` and exits with `ExitStatus.usage`.
package struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
    package var message: String
    /// The names of the commands the parser had reached, starting with the program name; the hint
    /// points at this command's help.
    package var commandPath: [String]

    package init(_ message: String, commandPath: [String]) {
        self.message = message
        self.commandPath = commandPath
    }

    package var description: String { message }

    /// The line that tells the user where to read more.
    package var hint: String { "Try '\(commandPath.joined(separator: " ")) --help'." }

    package static func unknownOption(_ option: String, suggestion: String?, commandPath: [String]) -> UsageError {
        UsageError("unknown option '\(option)'" + didYouMean(suggestion), commandPath: commandPath)
    }

    package static func unknownCommand(_ name: String, suggestion: String?, commandPath: [String]) -> UsageError {
        UsageError("unknown command '\(name)'" + didYouMean(suggestion), commandPath: commandPath)
    }

    package static func missingCommand(choices: [String], commandPath: [String]) -> UsageError {
        let command = commandPath.joined(separator: " ")
        return UsageError("'\(command)' needs a command: \(choices.joined(separator: ", "))", commandPath: commandPath)
    }

    package static func missingValue(option: OptionSpec, commandPath: [String]) -> UsageError {
        UsageError(
            "option '\(option.displayName)' needs a value (\(option.valueName ?? "VALUE"))", commandPath: commandPath)
    }

    package static func unexpectedValue(option: OptionSpec, commandPath: [String]) -> UsageError {
        UsageError("option '\(option.displayName)' does not take a value", commandPath: commandPath)
    }

    package static func repeatedOption(_ option: OptionSpec, commandPath: [String]) -> UsageError {
        UsageError("option '\(option.displayName)' was given more than once", commandPath: commandPath)
    }

    package static func unexpectedArgument(_ argument: String, commandPath: [String]) -> UsageError {
        UsageError("unexpected argument '\(argument)'", commandPath: commandPath)
    }

    package static func missingArgument(_ name: String, commandPath: [String]) -> UsageError {
        UsageError("missing argument \(name)", commandPath: commandPath)
    }

    package static func missingOption(_ option: String, commandPath: [String]) -> UsageError {
        UsageError("missing option '--\(option)'", commandPath: commandPath)
    }

    /// A value that does not parse or is out of range; `subject` is `--limit` or an argument's name.
    package static func invalidValue(
        _ value: String, for subject: String, expected: String, commandPath: [String]
    ) -> UsageError {
        UsageError("invalid value '\(value)' for \(subject): expected \(expected)", commandPath: commandPath)
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}

extension UsageError: CommandLineError {
    package var exitStatus: ExitStatus { .usage }
}
