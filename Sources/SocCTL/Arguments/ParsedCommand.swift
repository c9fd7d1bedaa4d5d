/// A command line resolved against the command tree: which command to run and the values given
/// to it. Values are looked up by the names the tree declares (see `ParsedCommand+Values.swift`);
/// asking for a name the command does not declare is a programmer error and traps.
package struct ParsedCommand: Sendable {
    /// The commands from the root to the one that runs.
    package let chain: [CommandSpec]
    /// Option values in command-line order, by long name; flags are not here.
    let optionValues: [String: [String]]
    /// How often each flag was given, by long name.
    let flagCounts: [String: Int]
    /// The positional arguments in order, after subcommand names and options were taken out.
    package let positionals: [String]
    /// The positional arguments assigned to the declared arguments, by argument name.
    let argumentValues: [String: [String]]

    init(
        chain: [CommandSpec], optionValues: [String: [String]], flagCounts: [String: Int], positionals: [String],
        argumentValues: [String: [String]]
    ) {
        self.chain = chain
        self.optionValues = optionValues
        self.flagCounts = flagCounts
        self.positionals = positionals
        self.argumentValues = argumentValues
    }

    package var root: CommandSpec { chain[0] }

    /// The command that runs.
    package var command: CommandSpec { chain[chain.count - 1] }

    /// The command names from the root, such as `["socctl", "rules", "add"]`.
    package var path: [String] { chain.map(\.name) }

    /// A usage error about this command, for checks the tree cannot express (two options that
    /// exclude each other, a value given both as an option and as an argument).
    package func usageError(_ message: String) -> UsageError {
        UsageError(message, commandPath: path)
    }
}
