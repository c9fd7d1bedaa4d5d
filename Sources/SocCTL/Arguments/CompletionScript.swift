/// Shell completion scripts generated from the command tree, so that completion offers exactly
/// the commands, options and values the parser accepts. Hidden commands and options are left out.
///
/// Both scripts work the same way: they walk the words before the cursor to find the command
/// being typed (skipping option values), then offer that command's subcommands, its options when
/// the word starts with `-`, the values of the option before the cursor, or the values of the
/// positional argument at the cursor.
package enum CompletionScript {
    package static func script(for shell: CompletionShell, root: CommandSpec) -> String {
        switch shell {
        case .bash: bash(root: root)
        case .zsh: zsh(root: root)
        }
    }

    /// One command of the tree as the scripts see it.
    struct Node {
        /// The command names from the root joined by spaces: `socctl rules add`.
        var path: String
        var command: CommandSpec
        /// Every option accepted here, including inherited global options and the built-ins.
        var options: [OptionSpec]
        /// Options declared by this command, whose value completion is keyed on this path only.
        var ownOptions: [OptionSpec]
        /// Global options declared by this command, whose value completion holds below it too.
        var globalOptions: [OptionSpec]
        var subcommands: [CommandSpec]
    }

    static func nodes(root: CommandSpec) -> [Node] {
        var nodes: [Node] = []
        func visit(_ chain: [CommandSpec]) {
            let command = chain[chain.count - 1]
            let subcommands = command.subcommands.filter { !$0.isHidden }
            nodes.append(
                Node(
                    path: chain.map(\.name).joined(separator: " "), command: command,
                    options: ArgumentParser.options(visibleTo: chain).filter { !$0.isHidden },
                    ownOptions: command.options.filter { !$0.isHidden },
                    globalOptions: command.globalOptions.filter { !$0.isHidden }, subcommands: subcommands))
            for subcommand in subcommands { visit(chain + [subcommand]) }
        }
        visit([root])
        return nodes
    }

    /// The spellings of an option on a command line: `--json` and `-j`.
    static func spellings(of option: OptionSpec) -> [String] {
        [option.displayName] + (option.short.map { ["-\($0)"] } ?? [])
    }

    /// `text` as one single-quoted shell word, valid in bash and zsh.
    static func quote(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }

    /// A shell function name made from the program name (`socctl` → `_socctl`).
    static func functionName(_ program: String) -> String {
        "_" + String(program.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
