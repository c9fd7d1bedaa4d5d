extension CommandSpec {
    /// A hidden `completions SHELL` command that prints the completion script for the tree it is
    /// part of (`source <(socctl completions bash)`); add it to the root's subcommands.
    package static func completionsCommand() -> CommandSpec {
        let shells = CompletionShell.allCases.map(\.rawValue)
        return CommandSpec(
            name: "completions", abstract: "Print a shell completion script.",
            arguments: [
                .required("SHELL", help: "The shell: \(shells.joined(separator: ", ")).", completion: .words(shells))
            ],
            isHidden: true
        ) { parsed, context in
            let name = parsed.argument("SHELL")!
            guard let shell = CompletionShell(rawValue: name) else {
                throw UsageError.invalidValue(
                    name, for: "SHELL", expected: "one of \(shells.joined(separator: ", "))", commandPath: parsed.path)
            }
            context.standardOutput.write(CompletionScript.script(for: shell, root: parsed.root))
            return .success
        }
    }
}
