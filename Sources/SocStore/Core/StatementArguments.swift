/// Values for a statement's parameters: positional (`?`, `?NNN`) or named (`:name`, `@name`, `$name`).
///
/// ```swift
/// try db.execute("INSERT INTO t(a, b) VALUES (?, ?)", arguments: [1, "x"])
/// try db.execute("INSERT INTO t(a, b) VALUES (:a, :b)", arguments: [":a": 1, ":b": Int?.none])
/// ```
package struct StatementArguments: Sendable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    package var positional: [DatabaseValue]
    /// Names as written in the SQL; a name without a prefix character is looked up as `:name`.
    package var named: [(name: String, value: DatabaseValue)]

    package init(_ positional: [any DatabaseValueConvertible] = []) {
        self.positional = positional.map(\.databaseValue)
        self.named = []
    }

    package init(named: [(String, any DatabaseValueConvertible)]) {
        self.positional = []
        self.named = named.map { (name: $0.0, value: $0.1.databaseValue) }
    }

    package init(arrayLiteral elements: (any DatabaseValueConvertible)...) {
        self.init(elements)
    }

    package init(dictionaryLiteral elements: (String, any DatabaseValueConvertible)...) {
        self.init(named: elements)
    }

    package var isEmpty: Bool { positional.isEmpty && named.isEmpty }
}
