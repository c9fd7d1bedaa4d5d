import CSQLite

/// SQLite copies the bytes during the bind call, so callers' buffers need not outlive it.
/// `SQLITE_TRANSIENT` is a macro casting -1 to a function pointer, which Swift cannot import.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement on one connection.
///
/// A statement belongs to the `Database` that prepared it and shares its thread confinement.
/// `Row`s it yields are valid only until the next `step()`, `reset()` or the end of the query.
package final class Statement {
    let handle: OpaquePointer
    package let sql: String
    private let connection: OpaquePointer
    private let path: String?
    /// Set while a caller is using a cached statement, so a nested use of the same SQL
    /// prepares a fresh statement instead of resetting the one in flight.
    var isBorrowed = false
    /// When the connection's statement cache last handed this out (its use counter).
    var lastUse: UInt64 = 0

    init(connection: OpaquePointer, path: String?, sql: String) throws {
        var prepared: OpaquePointer?
        var hasMoreSQL = false
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v2(connection, text, -1, &prepared, &tail)
            // The tail points into `text`, so it is inspected before withCString returns.
            hasMoreSQL = tail.map { !Statement.isBlank($0) } ?? false
            return code
        }
        guard code == SQLITE_OK, let prepared else {
            throw DatabaseError.fromConnection(connection, code: code, sql: sql, path: path)
        }
        // Silently ignoring the rest of "INSERT ...; DELETE ..." would lose a statement.
        if hasMoreSQL {
            sqlite3_finalize(prepared)
            throw DatabaseError.misuse(
                "a Statement holds one SQL statement; use Database.executeScript for several", sql: sql,
                path: path)
        }
        self.handle = prepared
        self.sql = sql
        self.connection = connection
        self.path = path
    }

    deinit { sqlite3_finalize(handle) }

    private static func isBlank(_ text: UnsafePointer<CChar>) -> Bool {
        var cursor = text
        while cursor.pointee != 0 {
            switch UInt8(bitPattern: cursor.pointee) {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ";"):
                cursor += 1
            default:
                return false
            }
        }
        return true
    }

    // MARK: Binding

    /// Binds `value` to the parameter at `index` (1-based, as SQLite counts).
    package func bind(_ value: some DatabaseValueConvertible, at index: Int) throws {
        try check(bindValue(value.databaseValue, at: Int32(index)))
    }

    /// Binds `value` to the parameter named `name` (`":name"`; a bare `"name"` means `":name"`).
    package func bind(_ value: some DatabaseValueConvertible, named name: String) throws {
        try bind(value.databaseValue, at: parameterIndex(named: name))
    }

    /// Binds every argument; positional ones from index 1.
    package func bind(_ arguments: StatementArguments) throws {
        for (offset, value) in arguments.positional.enumerated() {
            try check(bindValue(value, at: Int32(offset + 1)))
        }
        for (name, value) in arguments.named {
            try check(bindValue(value, at: Int32(parameterIndex(named: name))))
        }
    }

    package var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    private func parameterIndex(named name: String) throws -> Int {
        var index = sqlite3_bind_parameter_index(handle, name)
        if index == 0, let first = name.first, !":@$".contains(first) {
            index = sqlite3_bind_parameter_index(handle, ":" + name)
        }
        guard index > 0 else {
            throw DatabaseError.misuse("the statement has no parameter named \(name)", sql: sql, path: path)
        }
        return Int(index)
    }

    private func bindValue(_ value: DatabaseValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let v):
            return sqlite3_bind_int64(handle, index, v)
        case .real(let v):
            return sqlite3_bind_double(handle, index, v)
        case .text(var v):
            return v.withUTF8 { bytes in
                // An empty buffer may have no base address, and a NULL pointer would bind NULL.
                guard let base = bytes.baseAddress else {
                    return sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(handle, index, $0, UInt64(bytes.count), sqliteTransient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let v):
            // Same reason: an empty array's pointer may be NULL, which would bind NULL, not X''.
            if v.isEmpty { return sqlite3_bind_zeroblob(handle, index, 0) }
            return v.withUnsafeBytes {
                sqlite3_bind_blob64(handle, index, $0.baseAddress, UInt64($0.count), sqliteTransient)
            }
        }
    }

    // MARK: Stepping

    /// Advances to the next row; returns false once the statement is done.
    package func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw DatabaseError.fromConnection(connection, code: code, sql: sql, path: path)
        }
    }

    /// The current row; valid until the next `step()`.
    package var row: Row { Row(statement: self) }

    /// Rewinds the statement so it can run again; bindings are kept.
    package func reset() {
        // The error of the last step was already reported by `step()`; reset repeats it.
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    package func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    // MARK: Columns

    package var columnCount: Int { Int(sqlite3_column_count(handle)) }

    package func columnName(at index: Int) -> String {
        sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    package func columnIndex(named name: String) -> Int? {
        (0..<columnCount).first { columnName(at: $0) == name }
    }

    /// The value in column `index` (0-based) of the current row.
    package func value(at index: Int) -> DatabaseValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            // text before bytes: SQLite documents that order so the length matches the pointer.
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError.fromConnection(connection, code: code, sql: sql, path: path)
        }
    }
}
