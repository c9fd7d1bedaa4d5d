/// The declaration of one option: a flag such as `--json`, or an option with a value such as
/// `--socket PATH`.
///
/// Options are identified by their long name (without the dashes); `ParsedCommand` looks values
/// up by that name.
package struct OptionSpec: Sendable {
    /// The long name without the leading `--`, such as `socket`.
    package var long: String
    /// The one-letter name used with a single dash, such as `j` for `-j`.
    package var short: Character?
    /// The placeholder shown in help for the value (`PATH`); `nil` makes the option a flag.
    package var valueName: String?
    package var help: String
    /// Whether the option may be given more than once, collecting every value (`--topic a --topic b`).
    /// A non-repeatable option given twice is a usage error, because silently dropping one of the
    /// two values hides a mistake.
    package var isRepeatable: Bool
    /// The value reported when the option is absent; shown in help.
    package var defaultValue: String?
    package var completion: ValueCompletion
    /// Hidden options are accepted but left out of help and completion scripts.
    package var isHidden: Bool

    package var takesValue: Bool { valueName != nil }

    package init(
        long: String, short: Character? = nil, valueName: String? = nil, help: String,
        isRepeatable: Bool = false, defaultValue: String? = nil, completion: ValueCompletion = .none,
        isHidden: Bool = false
    ) {
        precondition(!long.isEmpty && !long.hasPrefix("-"), "long option names are given without dashes")
        precondition(valueName != nil || defaultValue == nil, "a flag cannot have a default value")
        // A digit would make `-5` ambiguous between a flag and a negative number.
        precondition(short.map { !$0.isNumber && $0 != "-" && $0 != "=" } ?? true, "short names are letters")
        self.long = long
        self.short = short
        self.valueName = valueName
        self.help = help
        self.isRepeatable = isRepeatable
        self.defaultValue = defaultValue
        self.completion = completion
        self.isHidden = isHidden
    }

    /// A flag: present or absent, never with a value. Repeatable flags are counted (`-vv`).
    package static func flag(
        _ long: String, short: Character? = nil, help: String, repeatable: Bool = false, hidden: Bool = false
    ) -> OptionSpec {
        OptionSpec(long: long, short: short, help: help, isRepeatable: repeatable, isHidden: hidden)
    }

    /// An option that takes a value, given as `--name value` or `--name=value`.
    package static func option(
        _ long: String, short: Character? = nil, valueName: String, help: String, default defaultValue: String? = nil,
        repeatable: Bool = false, completion: ValueCompletion = .none, hidden: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            long: long, short: short, valueName: valueName, help: help, isRepeatable: repeatable,
            defaultValue: defaultValue, completion: completion, isHidden: hidden)
    }

    /// `-h, --help`, which every command accepts.
    package static let help = OptionSpec.flag("help", short: "h", help: "Show this help.")

    /// `--version`, which the root accepts when it declares a version.
    package static let version = OptionSpec.flag("version", help: "Show the version and exit.")

    /// How the option is written on a command line, such as `--socket`.
    package var displayName: String { "--" + long }
}
