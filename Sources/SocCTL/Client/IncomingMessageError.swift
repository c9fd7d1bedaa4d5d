/// What is wrong with a line the daemon sent.
package struct IncomingMessageError: Error, Hashable, Sendable, CustomStringConvertible {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}
