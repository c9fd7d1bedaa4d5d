/// What a command line asks for.
package enum ParseOutcome: Sendable {
    /// Run the command with these values.
    case run(ParsedCommand)
    /// Show the help of the last command of the chain (`--help`, `-h`, `help rules add`).
    case help(chain: [CommandSpec])
    /// Show the root's version (`--version`).
    case version(String)
}
