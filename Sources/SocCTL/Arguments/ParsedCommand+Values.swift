extension ParsedCommand {
    /// Whether the flag was given.
    package func flag(_ name: String) -> Bool {
        flagCount(name) > 0
    }

    /// How many times the flag was given, for repeatable flags such as `-vv`.
    package func flagCount(_ name: String) -> Int {
        let option = declaredOption(name)
        precondition(!option.takesValue, "'--\(name)' takes a value; use string(_:)")
        return flagCounts[name, default: 0]
    }

    /// The option's value, or its default when it was not given.
    package func string(_ name: String) -> String? {
        let option = declaredOption(name)
        precondition(option.takesValue, "'--\(name)' is a flag; use flag(_:)")
        return optionValues[name]?.last ?? option.defaultValue
    }

    /// The option's value, or a usage error naming the option when it was not given.
    package func requiredString(_ name: String) throws(UsageError) -> String {
        guard let value = string(name) else { throw .missingOption(name, commandPath: path) }
        return value
    }

    /// Every value of a repeatable option, in command-line order; the default alone when none was given.
    package func strings(_ name: String) -> [String] {
        let option = declaredOption(name)
        precondition(option.takesValue, "'--\(name)' is a flag; use flag(_:)")
        return optionValues[name] ?? option.defaultValue.map { [$0] } ?? []
    }

    /// The option's value as an integer, checked against `range`; `nil` when absent without default.
    package func int(_ name: String, range: ClosedRange<Int>? = nil) throws(UsageError) -> Int? {
        guard let text = string(name) else { return nil }
        return try Self.integer(text, range: range, subject: "'--\(name)'", path: path)
    }

    /// The option's value converted by `convert`; a `nil` conversion is a usage error that names the
    /// option and says what was `expected` ("a port number").
    package func value<Value>(
        _ name: String, expected: String, _ convert: (String) -> Value?
    ) throws(UsageError) -> Value? {
        guard let text = string(name) else { return nil }
        guard let value = convert(text) else {
            throw .invalidValue(text, for: "'--\(name)'", expected: expected, commandPath: path)
        }
        return value
    }

    /// The positional argument at `index`, counting after the command names.
    package func positional(_ index: Int) -> String? {
        positionals.indices.contains(index) ? positionals[index] : nil
    }

    /// The value of the declared argument `name` (`METHOD`), if given.
    package func argument(_ name: String) -> String? {
        declaredArgument(name)
        return argumentValues[name]?.first
    }

    /// Every value of the declared variadic argument `name`.
    package func arguments(_ name: String) -> [String] {
        declaredArgument(name)
        return argumentValues[name] ?? []
    }

    /// The declared argument's value as an integer, checked against `range`.
    package func int(argument name: String, range: ClosedRange<Int>? = nil) throws(UsageError) -> Int? {
        guard let text = argument(name) else { return nil }
        return try Self.integer(text, range: range, subject: name, path: path)
    }

    /// A field a command takes either as the argument `FIELD` or as the option `--field`
    /// (`rules add`'s room form and option form): whichever was given, and a usage error when
    /// both were.
    package func either<Value>(argument: Value?, option: Value?, field: String) throws(UsageError) -> Value? {
        if argument != nil, option != nil {
            throw usageError("\(field.uppercased()) was given both as an argument and as '--\(field)'")
        }
        return argument ?? option
    }

    private static func integer(
        _ text: String, range: ClosedRange<Int>?, subject: String, path: [String]
    ) throws(UsageError) -> Int {
        let expected = range.map { "an integer from \($0.lowerBound) to \($0.upperBound)" } ?? "an integer"
        guard let value = Int(text), range?.contains(value) ?? true else {
            throw .invalidValue(text, for: subject, expected: expected, commandPath: path)
        }
        return value
    }

    private func declaredOption(_ name: String) -> OptionSpec {
        guard let option = ArgumentParser.options(declaredAlong: chain).first(where: { $0.long == name }) else {
            preconditionFailure("'\(path.joined(separator: " "))' declares no option '--\(name)'")
        }
        return option
    }

    private func declaredArgument(_ name: String) {
        precondition(
            command.arguments.contains { $0.name == name },
            "'\(path.joined(separator: " "))' declares no argument \(name)")
    }
}
