import CSQLite

/// An error reported by SQLite, or by this wrapper on SQLite's behalf, with everything an
/// operator needs to act on it: the result codes, SQLite's message, the statement and the file.
///
/// Build one with the factory functions; they keep the codes and messages consistent.
package struct DatabaseError: Error, Sendable, CustomStringConvertible {
    /// The primary result code (`SQLITE_FULL`, `SQLITE_IOERR`, ...): the low byte of `extendedResultCode`.
    package var resultCode: Int32
    /// The extended result code (`SQLITE_IOERR_WRITE`, `SQLITE_READONLY_DIRECTORY`, ...).
    package var extendedResultCode: Int32
    package var message: String
    /// The statement that failed, when there was one.
    package var sql: String?
    /// The database file the connection was opened on.
    package var path: String?

    package init(extendedResultCode: Int32, message: String, sql: String? = nil, path: String? = nil) {
        self.resultCode = extendedResultCode & 0xFF
        self.extendedResultCode = extendedResultCode
        self.message = message
        self.sql = sql
        self.path = path
    }

    package var description: String {
        var text = "SQLite error \(SQLiteResultCode.name(of: resultCode))"
        if extendedResultCode != resultCode {
            text += " (extended \(SQLiteResultCode.name(of: extendedResultCode)))"
        }
        if let path { text += " on \(path)" }
        text += ": \(message)"
        if let sql { text += " [sql: \(sql)]" }
        return text
    }
}

extension DatabaseError {
    /// The error the connection `handle` just reported for `code`; reads SQLite's message before
    /// anything else can overwrite it.
    static func fromConnection(
        _ handle: OpaquePointer?, code: Int32, sql: String? = nil, path: String?
    ) -> DatabaseError {
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        // When the connection's last error is not this one (e.g. `code` came from a backup handle
        // or a step that was reset), trust `code`.
        let effective = (extended & 0xFF) == (code & 0xFF) ? extended : code
        let message =
            handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        return DatabaseError(extendedResultCode: effective, message: message, sql: sql, path: path)
    }

    /// A value could not be converted to the Swift type the caller asked for.
    static func conversionFailed(
        column: String, value: DatabaseValue, to type: String, sql: String?
    )
        -> DatabaseError
    {
        DatabaseError(
            extendedResultCode: SQLITE_MISMATCH,
            message: "column \(column) holds \(value.storageClassName), which cannot be read as \(type)",
            sql: sql)
    }

    /// The caller used the API in a way SQLite would reject or that would silently lose data.
    static func misuse(_ message: String, sql: String? = nil, path: String? = nil) -> DatabaseError {
        DatabaseError(extendedResultCode: SQLITE_MISUSE, message: message, sql: sql, path: path)
    }

    /// `PRAGMA quick_check` or `integrity_check` reported damage.
    static func corrupt(path: String, problems: [String]) -> DatabaseError {
        let shown = problems.prefix(5).joined(separator: "; ")
        let more = problems.count > 5 ? " (and \(problems.count - 5) more)" : ""
        return DatabaseError(
            extendedResultCode: SQLITE_CORRUPT,
            message: "the database file is damaged: \(shown)\(more); it was left untouched, restore a backup",
            path: path)
    }

    /// A write was attempted on a store that could only be opened read-only.
    static func readOnlyStore(path: String, reason: DatabaseError) -> DatabaseError {
        DatabaseError(
            extendedResultCode: SQLITE_READONLY,
            message: "the store is open read-only because it could not be opened for writing (\(reason.message));"
                + " reads keep working, changes are refused",
            path: path)
    }

    /// The store (or its writer) was closed before the job could run.
    static func closed(path: String?) -> DatabaseError {
        DatabaseError(extendedResultCode: SQLITE_MISUSE, message: "the store is closed", path: path)
    }
}

extension DatabaseError {
    /// SQLite rolled back a whole group-commit transaction because another job in it hit a
    /// storage failure; this job's change was lost with it.
    static func transactionRolledBack(by cause: any Error, path: String?) -> DatabaseError {
        let code = (cause as? DatabaseError)?.extendedResultCode ?? SQLITE_ABORT
        return DatabaseError(
            extendedResultCode: code,
            message: "the transaction holding this change was rolled back by a failure in the same batch: \(cause)",
            path: path)
    }
}
