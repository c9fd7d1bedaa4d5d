/// One row of a query result, read through the statement that produced it.
///
/// Do not keep a `Row` past the closure it was handed to: it reads the statement's current row.
package struct Row {
    let statement: Statement

    package var count: Int { statement.columnCount }

    /// The raw value of column `index` (0-based).
    package func value(at index: Int) -> DatabaseValue { statement.value(at: index) }

    /// Column `index` (0-based) converted to `T`; NULL reads as nil for an optional `T` and is an
    /// error otherwise, as is a value of the wrong storage class.
    ///
    /// ```swift
    /// let id: Int64 = try row[0]
    /// let note: String? = try row[1]
    /// ```
    package subscript<T: DatabaseValueConvertible>(_ index: Int) -> T {
        get throws {
            let value = statement.value(at: index)
            guard let converted = T.fromDatabaseValue(value) else {
                throw DatabaseError.conversionFailed(
                    column: "\(index) (\(statement.columnName(at: index)))", value: value, to: "\(T.self)",
                    sql: statement.sql)
            }
            return converted
        }
    }

    /// The column called `name` converted to `T`, as `subscript(_: Int)` does.
    package subscript<T: DatabaseValueConvertible>(_ name: String) -> T {
        get throws {
            guard let index = statement.columnIndex(named: name) else {
                throw DatabaseError.misuse("the result has no column named \(name)", sql: statement.sql)
            }
            return try self[index]
        }
    }
}
