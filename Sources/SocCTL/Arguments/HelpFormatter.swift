/// Generates a command's help page from the tree: usage line, abstract, discussion, arguments,
/// options, global options, subcommands and examples, with descriptions aligned in one column and
/// wrapped to the width.
package struct HelpFormatter: Sendable {
    package var width: Int
    package var style: Style

    /// The widest the name column gets; longer entries put their description on the next line.
    private static let maximumNameColumn = 30

    package init(width: Int, style: Style = .plain) {
        self.width = max(width, 40)
        self.style = style
    }

    /// The help page of the last command in `chain` (root first).
    package func help(for chain: [CommandSpec]) -> String {
        let command = chain[chain.count - 1]
        var sections: [String] = [usage(for: chain)]
        if !command.abstract.isEmpty { sections.append(wrapped(command.abstract)) }
        if !command.discussion.isEmpty { sections.append(wrapped(command.discussion)) }

        let arguments = command.arguments.map { Entry(name: "  " + $0.name, help: $0.help) }
        let options = localOptions(of: chain).map(entry(for:))
        let globals = inheritedOptions(of: chain).map(entry(for:))
        let commands = command.subcommands.filter { !$0.isHidden }.map {
            Entry(name: "  " + $0.name, help: $0.abstract)
        }
        let all = arguments + options + globals + commands
        let column = min(all.map { TextWidth.of($0.name) + 2 }.max() ?? 0, Self.maximumNameColumn)

        for (title, entries) in [
            ("Arguments:", arguments), ("Options:", options), ("Global options:", globals), ("Commands:", commands),
        ]
        where !entries.isEmpty {
            sections.append(
                ([style.bold(title)] + entries.flatMap { lines(for: $0, column: column) }).joined(separator: "\n"))
        }
        if !command.examples.isEmpty {
            var lines = [style.bold("Examples:")]
            for (index, example) in command.examples.enumerated() {
                if index > 0 { lines.append("") }
                lines += TextWrapper.wrap(example.explanation, width: width - 2).map { "  " + $0 }
                lines.append("    " + example.command)
            }
            sections.append(lines.joined(separator: "\n"))
        }
        if !commands.isEmpty {
            let path = chain.map(\.name).joined(separator: " ")
            sections.append(wrapped("Run '\(path) COMMAND --help' for help on a command."))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// `Usage: socctl rules add [OPTIONS] SRC [DST]`, continued under the first word after the
    /// command path when it does not fit.
    package func usage(for chain: [CommandSpec]) -> String {
        let command = chain[chain.count - 1]
        var words = ["[OPTIONS]"]
        if !command.subcommands.isEmpty { words.append(command.run == nil ? "COMMAND" : "[COMMAND]") }
        words += command.arguments.map(\.usageText)
        let prefix = "Usage: " + chain.map(\.name).joined(separator: " ") + " "
        let indent = String(repeating: " ", count: min(TextWidth.of(prefix), width / 2))
        var lines: [String] = []
        var line = prefix
        var lineIsEmpty = true
        for word in words {
            if !lineIsEmpty, TextWidth.of(line) + 1 + TextWidth.of(word) > width {
                lines.append(line)
                line = indent
                lineIsEmpty = true
            }
            line += (lineIsEmpty ? "" : " ") + word
            lineIsEmpty = false
        }
        lines.append(line)
        let text = lines.joined(separator: "\n")
        return style.isEnabled ? style.bold("Usage:") + text.dropFirst("Usage:".count) : text
    }

    /// The options the command declares, then its global ones, then the built-ins it shows.
    private func localOptions(of chain: [CommandSpec]) -> [OptionSpec] {
        let command = chain[chain.count - 1]
        var options = command.options + command.globalOptions + [.help]
        if chain.count == 1, command.version != nil { options.append(.version) }
        return options.filter { !$0.isHidden }
    }

    /// Global options declared by ancestors, root first.
    private func inheritedOptions(of chain: [CommandSpec]) -> [OptionSpec] {
        chain.dropLast().flatMap(\.globalOptions).filter { !$0.isHidden }
    }

    private struct Entry {
        var name: String
        var help: String
    }

    private func entry(for option: OptionSpec) -> Entry {
        var name = option.short.map { "  -\($0), " } ?? "      "
        name += option.displayName
        if let valueName = option.valueName { name += " " + valueName }
        var help = option.help
        if let defaultValue = option.defaultValue { help += " (default: \(defaultValue))" }
        if option.isRepeatable, option.takesValue { help += " (repeatable)" }
        return Entry(name: name, help: help)
    }

    private func lines(for entry: Entry, column: Int) -> [String] {
        let helpLines = TextWrapper.wrap(entry.help, width: max(width - column, 20))
        let indent = String(repeating: " ", count: column)
        let nameWidth = TextWidth.of(entry.name)
        var lines: [String] = []
        var remaining = helpLines[...]
        if nameWidth + 2 <= column, let first = remaining.popFirst() {
            lines.append(
                first.isEmpty ? entry.name : TextWidth.pad(entry.name, toWidth: column, alignment: .left) + first)
        } else {
            lines.append(entry.name)
        }
        lines += remaining.map { $0.isEmpty ? "" : indent + $0 }
        return lines
    }

    private func wrapped(_ text: String) -> String {
        TextWrapper.wrap(text, width: width).joined(separator: "\n")
    }
}
