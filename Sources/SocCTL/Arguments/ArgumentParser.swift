/// Resolves a command line against a command tree.
///
/// The rules, in the order the parser applies them to each word:
/// - after `--`, every word is positional;
/// - `--name=value` and `--name value` give an option its value; the next word is taken as the
///   value unless it looks like an option (it starts with `-` and is neither `-` nor a negative
///   number such as `-5`), so that a forgotten value is reported rather than swallowing `--json`;
/// - `-abc` is a cluster of short flags; the first one that takes a value takes the rest of the
///   cluster (`-n5`) or, if nothing is left, the next word;
/// - any other word names a subcommand while the current command has subcommands, else it is a
///   positional argument. Options and positionals may be interleaved.
///
/// A command's options are accepted after its name; global options from every command on the path
/// as well. `--help`/`-h` is accepted everywhere and wins over any error in the same command line.
package struct ArgumentParser: Sendable {
    package let root: CommandSpec

    package init(root: CommandSpec) {
        self.root = root
    }

    package func parse(_ arguments: [String]) throws(UsageError) -> ParseOutcome {
        var state = State(root: root, arguments: arguments)
        do {
            return try state.run()
        } catch {
            // `socctl rules add --bogus --help` asked for help; give it rather than the error.
            let beforeSeparator = arguments.prefix { $0 != "--" }
            if beforeSeparator.contains("--help") || beforeSeparator.contains("-h") {
                return .help(chain: state.chain)
            }
            throw error
        }
    }

    /// The options the parser accepts once it has reached the last command of `chain`: that
    /// command's own, the global options of the whole chain (nearest first), and the built-ins.
    static func options(visibleTo chain: [CommandSpec]) -> [OptionSpec] {
        var options = chain[chain.count - 1].options
        for command in chain.reversed() { options += command.globalOptions }
        options.append(.help)
        if chain[0].version != nil { options.append(.version) }
        return options
    }

    /// Every option declared along `chain`, including ancestors' local options given before the
    /// subcommand name; these are the names `ParsedCommand` answers for.
    static func options(declaredAlong chain: [CommandSpec]) -> [OptionSpec] {
        options(visibleTo: chain) + chain.dropLast().reversed().flatMap(\.options)
    }

    static func isNegativeNumber(_ word: String) -> Bool {
        let scalars = word.unicodeScalars.dropFirst()
        guard word.hasPrefix("-"), let first = scalars.first, ("0"..."9").contains(first) else { return false }
        return scalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." }
    }
}

extension ArgumentParser {
    /// The parser's progress through one command line.
    fileprivate struct State {
        let arguments: [String]
        var index = 0
        var chain: [CommandSpec]
        var visibleOptions: [OptionSpec]
        var optionValues: [String: [String]] = [:]
        var flagCounts: [String: Int] = [:]
        var positionals: [String] = []
        var onlyPositionals = false
        var helpRequested = false
        var versionRequested = false

        init(root: CommandSpec, arguments: [String]) {
            self.arguments = arguments
            self.chain = [root]
            self.visibleOptions = ArgumentParser.options(visibleTo: [root])
        }

        var path: [String] { chain.map(\.name) }
        var command: CommandSpec { chain[chain.count - 1] }

        mutating func run() throws(UsageError) -> ParseOutcome {
            while index < arguments.count {
                let word = arguments[index]
                index += 1
                if onlyPositionals {
                    if let outcome = try positional(word) { return outcome }
                } else if word == "--" {
                    onlyPositionals = true
                } else if word.hasPrefix("--") {
                    try longOption(word)
                } else if word.hasPrefix("-"), word.count > 1, !ArgumentParser.isNegativeNumber(word) {
                    try shortOptions(word)
                } else if let outcome = try positional(word) {
                    return outcome
                }
            }
            if helpRequested { return .help(chain: chain) }
            if versionRequested, let version = chain[0].version { return .version(version) }
            guard command.run != nil else {
                precondition(!command.subcommands.isEmpty, "'\(path.joined(separator: " "))' has nothing to run")
                throw .missingCommand(
                    choices: command.subcommands.filter { !$0.isHidden }.map(\.name), commandPath: path)
            }
            return .run(
                ParsedCommand(
                    chain: chain, optionValues: optionValues, flagCounts: flagCounts, positionals: positionals,
                    argumentValues: try assignArguments()))
        }

        /// Handles a word that is not an option; returns an outcome when the word ends parsing
        /// (`help` followed by a command path).
        mutating func positional(_ word: String) throws(UsageError) -> ParseOutcome? {
            guard !command.subcommands.isEmpty, positionals.isEmpty else {
                positionals.append(word)
                return nil
            }
            if let subcommand = command.subcommand(named: word) {
                chain.append(subcommand)
                visibleOptions = ArgumentParser.options(visibleTo: chain)
                return nil
            }
            if word == "help", command.acceptsHelpCommand {
                return .help(chain: try helpTopic())
            }
            guard command.arguments.isEmpty else {
                positionals.append(word)
                return nil
            }
            var names = command.subcommands.filter { !$0.isHidden }.map(\.name)
            if command.acceptsHelpCommand { names.append("help") }
            throw .unknownCommand(word, suggestion: Suggestion.closest(to: word, among: names), commandPath: path)
        }

        /// Resolves the words after `help` as a path of subcommands below the current command.
        mutating func helpTopic() throws(UsageError) -> [CommandSpec] {
            var topic = chain
            for word in arguments[index...] where !word.hasPrefix("-") {
                let current = topic[topic.count - 1]
                guard let subcommand = current.subcommand(named: word) else {
                    let names = current.subcommands.filter { !$0.isHidden }.map(\.name)
                    throw .unknownCommand(
                        word, suggestion: Suggestion.closest(to: word, among: names), commandPath: topic.map(\.name))
                }
                topic.append(subcommand)
            }
            return topic
        }

        mutating func longOption(_ word: String) throws(UsageError) {
            let body = word.dropFirst(2)
            let name: Substring
            let inlineValue: String?
            if let equals = body.firstIndex(of: "=") {
                name = body[..<equals]
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = body
                inlineValue = nil
            }
            guard let option = visibleOptions.first(where: { $0.long == name }) else {
                let names = visibleOptions.filter { !$0.isHidden }.map(\.long)
                let suggestion = Suggestion.closest(to: String(name), among: names).map { "--" + $0 }
                throw .unknownOption("--" + name, suggestion: suggestion, commandPath: path)
            }
            if option.takesValue {
                if let inlineValue {
                    try record(option, value: inlineValue)
                } else {
                    try record(option, value: nextValue(for: option))
                }
            } else if inlineValue != nil {
                throw .unexpectedValue(option: option, commandPath: path)
            } else {
                recordFlag(option)
            }
        }

        mutating func shortOptions(_ word: String) throws(UsageError) {
            let letters = Array(word.dropFirst())
            for (offset, letter) in letters.enumerated() {
                guard let option = visibleOptions.first(where: { $0.short == letter }) else {
                    // `-json` is more likely a missing dash than a cluster of four flags.
                    let long = String(word.dropFirst())
                    let suggestion =
                        visibleOptions.contains { $0.long == long && !$0.isHidden } ? "--" + long : nil
                    throw .unknownOption("-" + String(letter), suggestion: suggestion, commandPath: path)
                }
                guard option.takesValue else {
                    recordFlag(option)
                    continue
                }
                let rest = String(letters[(offset + 1)...])
                try record(option, value: rest.isEmpty ? nextValue(for: option) : rest)
                return
            }
        }

        mutating func nextValue(for option: OptionSpec) throws(UsageError) -> String {
            guard index < arguments.count else { throw .missingValue(option: option, commandPath: path) }
            let word = arguments[index]
            let looksLikeOption = word.hasPrefix("-") && word != "-" && !ArgumentParser.isNegativeNumber(word)
            guard !looksLikeOption else { throw .missingValue(option: option, commandPath: path) }
            index += 1
            return word
        }

        mutating func record(_ option: OptionSpec, value: String) throws(UsageError) {
            if !option.isRepeatable, optionValues[option.long] != nil {
                throw .repeatedOption(option, commandPath: path)
            }
            optionValues[option.long, default: []].append(value)
        }

        mutating func recordFlag(_ option: OptionSpec) {
            if option.long == OptionSpec.help.long { helpRequested = true }
            if option.long == OptionSpec.version.long { versionRequested = true }
            flagCounts[option.long, default: 0] += 1
        }

        /// Gives each declared argument its values. An optional argument takes a value only when
        /// enough remain for the required ones after it, so `[A] B` with one word fills `B`.
        func assignArguments() throws(UsageError) -> [String: [String]] {
            var assigned: [String: [String]] = [:]
            var next = 0
            let specs = command.arguments
            for (position, spec) in specs.enumerated() {
                let remaining = positionals.count - next
                let stillRequired = specs[(position + 1)...].reduce(0) { count, later in
                    switch later.arity {
                    case .required: count + 1
                    case .optional: count
                    case .variadic(let minimum): count + minimum
                    }
                }
                switch spec.arity {
                case .required:
                    guard remaining > 0 else { throw .missingArgument(spec.name, commandPath: path) }
                    assigned[spec.name] = [positionals[next]]
                    next += 1
                case .optional:
                    if remaining > stillRequired {
                        assigned[spec.name] = [positionals[next]]
                        next += 1
                    }
                case .variadic(let minimum):
                    precondition(position == specs.count - 1, "only the last argument may be variadic")
                    guard remaining >= minimum else { throw .missingArgument(spec.name, commandPath: path) }
                    assigned[spec.name] = Array(positionals[next...])
                    next = positionals.count
                }
            }
            if next < positionals.count {
                throw .unexpectedArgument(positionals[next], commandPath: path)
            }
            return assigned
        }
    }
}
