import CSQLite

/// One SQLite connection.
///
/// A `Database` is confined to one thread at a time: it is opened with `SQLITE_OPEN_NOMUTEX`, so
/// SQLite does no locking of its own, and callers (the `StoreWriter` thread, a `StoreReader`
/// borrower) must make sure no two threads use it, or its statements, at once.
package final class Database {
    let handle: OpaquePointer
    package let path: String
    package let configuration: DatabaseConfiguration
    private var statementCache: [String: Statement] = [:]
    /// Counts statement uses; each cached statement remembers the count at its last use, so the
    /// least recently used one is found when the cache is full (rare) instead of reordering a list
    /// on every use (which compared SQL strings, and was the costliest part of a rule change).
    private var statementUses: UInt64 = 0
    var savepointDepth = 0
    private var isClosed = false

    /// Opens and configures the connection; see `DatabaseConfiguration`. The file is read before
    /// this returns (SQLite itself opens lazily), so a file that is not a database, or is damaged
    /// when `verifyOnOpen` is set, fails here with an error naming it. Nothing is written to a
    /// file that fails these checks.
    package init(path: String, configuration: DatabaseConfiguration) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var filename = path
        switch configuration.access {
        case .readWriteCreate:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly:
            flags |= SQLITE_OPEN_READONLY
        case .readOnlyImmutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            filename = "file:\(Database.uriEscaped(path))?immutable=1"
        }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(filename, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let error = DatabaseError.fromConnection(opened, code: code, path: path)
            sqlite3_close_v2(opened)
            throw error
        }
        self.handle = opened
        self.path = path
        self.configuration = configuration
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, configuration.busyTimeoutMilliseconds)
        do {
            try prepareConnection()
        } catch {
            close()
            throw error
        }
    }

    /// The most of the file `verifyOnOpen`'s check maps (SQLite caps it at its compile-time
    /// maximum); beyond it the check reads as usual.
    static let verificationMapBytes = 1 << 30

    deinit { close() }

    private func prepareConnection() throws {
        // Reading the schema is what makes SQLite look at the file: NOTADB and friends surface here.
        _ = try scalar("SELECT count(*) FROM sqlite_schema") as Int?
        // Before anything below may write (journal_mode=WAL rewrites the header).
        if configuration.verifyOnOpen { try verify() }
        if configuration.access == .readWriteCreate {
            // SQLite quietly opens a file it may not write read-only; the caller asked for writes.
            if sqlite3_db_readonly(handle, "main") == 1 {
                throw DatabaseError(
                    extendedResultCode: SQLITE_READONLY,
                    message: "the database file or its directory is not writable by this process", path: path)
            }
        }
        if configuration.access == .readWriteCreate && configuration.usesWAL {
            let mode = try scalar("PRAGMA journal_mode=WAL") as String?
            guard mode?.lowercased() == "wal" else {
                throw DatabaseError(
                    extendedResultCode: SQLITE_ERROR,
                    message: "journal_mode=WAL did not take effect (the file reports '\(mode ?? "nothing")')",
                    sql: "PRAGMA journal_mode=WAL", path: path)
            }
        }
        try execute("PRAGMA synchronous=\(configuration.synchronous.rawValue)")
        try execute("PRAGMA foreign_keys=ON")
    }

    /// Runs `PRAGMA quick_check`, throwing `DatabaseError.corrupt` naming the file and what
    /// SQLite found when it is damaged.
    ///
    /// The check reads every page once; through a memory map it skips a pread and a copy per
    /// page (a quarter of its time with a million firewall rules). The map is dropped afterwards:
    /// on a mapped file an I/O error is a SIGBUS rather than an error code.
    func verify() throws {
        try execute("PRAGMA mmap_size=\(Self.verificationMapBytes)")
        let problems = try query("PRAGMA quick_check") { row in try row[0] as String }
        try execute("PRAGMA mmap_size=0")
        if problems != ["ok"] { throw DatabaseError.corrupt(path: path, problems: problems) }
    }

    /// Finalizes cached statements and closes the connection. Safe to call twice.
    package func close() {
        guard !isClosed else { return }
        isClosed = true
        statementCache.removeAll()
        // close_v2 defers the close until statements still held elsewhere are finalized.
        sqlite3_close_v2(handle)
    }

    // MARK: Statements

    /// A prepared statement for `sql` that is not cached; the caller owns it.
    package func makeStatement(_ sql: String) throws -> Statement {
        try Statement(connection: handle, path: path, sql: sql)
    }

    /// Runs `body` with a prepared statement for `sql`, reusing a cached one when it is free, and
    /// leaves it reset with cleared bindings whatever happens.
    func withStatement<T>(_ sql: String, _ body: (Statement) throws -> T) throws -> T {
        let statement: Statement
        if let cached = statementCache[sql] {
            // A borrowed one is in use further up this thread's stack: the same SQL, nested.
            statement = cached.isBorrowed ? try makeStatement(sql) : cached
        } else {
            statement = try makeStatement(sql)
            insertCacheEntry(statement)
        }
        statementUses &+= 1
        statement.lastUse = statementUses
        statement.isBorrowed = true
        defer {
            statement.reset()
            statement.clearBindings()
            statement.isBorrowed = false
        }
        return try body(statement)
    }

    private func insertCacheEntry(_ statement: Statement) {
        guard configuration.statementCacheCapacity > 0 else { return }
        if statementCache.count >= configuration.statementCacheCapacity,
            let oldest = statementCache.values.filter({ !$0.isBorrowed }).min(by: { $0.lastUse < $1.lastUse })
        {
            statementCache[oldest.sql] = nil
        }
        statementCache[statement.sql] = statement
    }

    // MARK: Running SQL

    /// Runs one statement with positional arguments, discarding any rows it returns.
    package func execute(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws {
        try execute(sql, arguments: StatementArguments(arguments))
    }

    /// Runs one statement with `arguments` (positional or named), discarding any rows it returns.
    package func execute(_ sql: String, arguments: StatementArguments) throws {
        try withStatement(sql) { statement in
            try statement.bind(arguments)
            while try statement.step() {}
        }
    }

    /// Runs every statement in `sql`, which takes no arguments: schema scripts in migrations.
    package func executeScript(_ sql: String) throws {
        try sql.withCString { start in
            var cursor: UnsafePointer<CChar>? = start
            while let current = cursor, current.pointee != 0 {
                var prepared: OpaquePointer?
                var next: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, current, -1, &prepared, &next)
                let text = String(
                    decoding: UnsafeRawBufferPointer(start: current, count: (next ?? current) - current), as: UTF8.self)
                guard code == SQLITE_OK else {
                    throw DatabaseError.fromConnection(handle, code: code, sql: text, path: path)
                }
                cursor = next
                guard let prepared else { continue }  // only whitespace or a comment
                defer { sqlite3_finalize(prepared) }
                var stepCode = sqlite3_step(prepared)
                while stepCode == SQLITE_ROW { stepCode = sqlite3_step(prepared) }
                guard stepCode == SQLITE_DONE else {
                    throw DatabaseError.fromConnection(handle, code: stepCode, sql: text, path: path)
                }
            }
        }
    }

    /// Runs a query and maps each row with `row`.
    package func query<T>(
        _ sql: String, _ arguments: any DatabaseValueConvertible..., row transform: (Row) throws -> T
    ) throws -> [T] {
        try query(sql, arguments: StatementArguments(arguments), row: transform)
    }

    /// Runs a query with `arguments` (positional or named) and maps each row with `row`.
    package func query<T>(
        _ sql: String, arguments: StatementArguments, row transform: (Row) throws -> T
    )
        throws -> [T]
    {
        try withStatement(sql) { statement in
            try statement.bind(arguments)
            var results: [T] = []
            while try statement.step() { results.append(try transform(statement.row)) }
            return results
        }
    }

    /// The first column of the first row, or nil when there is no row.
    package func scalar<T: DatabaseValueConvertible>(
        _ sql: String, _ arguments: any DatabaseValueConvertible...
    )
        throws -> T?
    {
        try withStatement(sql) { statement in
            try statement.bind(StatementArguments(arguments))
            guard try statement.step() else { return nil }
            return try statement.row[0] as T
        }
    }

    /// The rowid of the last row this connection inserted.
    package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    package var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// `path` percent-escaped for a `file:` URI.
    private static func uriEscaped(_ path: String) -> String {
        var escaped = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), 0..<0x21, 0x7F...:
                escaped += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            default:
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return escaped
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
