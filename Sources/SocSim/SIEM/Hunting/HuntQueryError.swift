/// A query that does not parse or does not make sense, pointing at the offending token:
/// `unexpected 'and' at column 28; expected a value`. Columns count characters from 1.
package struct HuntQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    package var message: String
    package var column: Int
    /// Characters the caret line underlines (at least 1).
    package var length: Int

    package init(message: String, column: Int, length: Int = 1) {
        self.message = message
        self.column = column
        self.length = Swift.max(1, length)
    }

    package var description: String { message }

    /// The message, the query, and a caret line under the offending token:
    /// ```
    /// unexpected 'and' at column 21; expected a value
    /// source=firewall and and
    ///                     ^^^
    /// ```
    package func diagnostic(for query: String) -> String {
        "\(message)\n\(query)\n\(String(repeating: " ", count: column - 1))\(String(repeating: "^", count: length))"
    }

    static func unexpected(_ token: HuntToken, expected: String) -> HuntQueryError {
        if token.kind == .end {
            return HuntQueryError(
                message: "unexpected end of query at column \(token.column); expected \(expected)", column: token.column
            )
        }
        return HuntQueryError(
            message: "unexpected '\(token.text)' at column \(token.column); expected \(expected)", column: token.column,
            length: token.text.count)
    }

    static func invalid(_ token: HuntToken, _ problem: String) -> HuntQueryError {
        HuntQueryError(
            message: "invalid value '\(token.value)' at column \(token.column); \(problem)", column: token.column,
            length: token.text.count)
    }

    static func at(_ token: HuntToken, _ message: String) -> HuntQueryError {
        HuntQueryError(message: "\(message) at column \(token.column)", column: token.column, length: token.text.count)
    }
}
