/// What a command does when it runs: it reads its values from the parsed command line, writes to
/// the context's streams and returns the status to exit with. Errors it throws are reported by
/// `CommandLineTool` (see `CommandLineError`).
package typealias CommandAction = @Sendable (ParsedCommand, CommandContext) throws -> ExitStatus

/// One node of the command tree: a command's name, its documentation, the options and arguments it
/// takes, its subcommands, and what it runs.
///
/// The tree is plain data so that help, errors, and shell completion scripts are all generated
/// from the same declaration.
package struct CommandSpec: Sendable {
    package var name: String
    /// One line, shown in the parent's command list and at the top of this command's help.
    package var abstract: String
    /// Longer text for this command's help; lines are wrapped to the terminal, a line that starts
    /// with a space is kept as written.
    package var discussion: String
    package var examples: [UsageExample]
    /// Options of this command only.
    package var options: [OptionSpec]
    /// Options of this command that every descendant accepts as well, at any position after the
    /// point where they are declared (`socctl rules add --json` for a root `--json`).
    package var globalOptions: [OptionSpec]
    package var arguments: [ArgumentSpec]
    package var subcommands: [CommandSpec]
    /// Shown by `--version`; only the root's is used.
    package var version: String?
    /// Hidden commands run but are left out of help and completion scripts.
    package var isHidden: Bool
    /// `nil` for a command that only groups subcommands; running it without one is a usage error.
    package var run: CommandAction?

    package init(
        name: String, abstract: String, discussion: String = "", examples: [UsageExample] = [],
        options: [OptionSpec] = [], globalOptions: [OptionSpec] = [], arguments: [ArgumentSpec] = [],
        subcommands: [CommandSpec] = [], version: String? = nil, isHidden: Bool = false,
        run: CommandAction? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.examples = examples
        self.options = options
        self.globalOptions = globalOptions
        self.arguments = arguments
        self.subcommands = subcommands
        self.version = version
        self.isHidden = isHidden
        self.run = run
    }

    package func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    /// Whether `help` is a built-in here: it is, unless the command declares its own `help`.
    var acceptsHelpCommand: Bool {
        !subcommands.isEmpty && subcommand(named: "help") == nil
    }
}
