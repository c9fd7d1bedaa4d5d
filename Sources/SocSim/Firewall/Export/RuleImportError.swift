/// A line of an imported nft or iptables-restore file that socd cannot turn into a rule.
package struct RuleImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number in the imported text.
    package var line: Int
    package var message: String

    package init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    package var description: String { "line \(line): \(message)" }

    package static func unsupported(line: Int, _ what: String) -> RuleImportError {
        RuleImportError(line: line, message: "\(what) is not supported (socd imports the subset it exports)")
    }

    package static func invalidField(line: Int, _ error: RuleFieldError) -> RuleImportError {
        RuleImportError(line: line, message: error.description)
    }

    package static func missingValue(line: Int, after option: String) -> RuleImportError {
        RuleImportError(line: line, message: "\(option) needs a value")
    }

    package static func missingVerdict(line: Int) -> RuleImportError {
        RuleImportError(line: line, message: "the rule has no verdict (accept, drop or reject)")
    }

    package static func unterminatedString(line: Int) -> RuleImportError {
        RuleImportError(line: line, message: "a quoted string is not closed")
    }
}
