/// An example command line shown at the end of a command's help.
package struct UsageExample: Sendable {
    /// What the example does, as a sentence.
    package var explanation: String
    /// The command line, starting with the program name.
    package var command: String

    package init(_ explanation: String, _ command: String) {
        self.explanation = explanation
        self.command = command
    }
}
