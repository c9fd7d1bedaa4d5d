/// How `BEGIN` takes its locks; see SQLite's "BEGIN TRANSACTION".
package enum TransactionKind: String, Sendable {
    /// Locks on first read or write. A read transaction that later writes can fail with BUSY.
    case deferred = "DEFERRED"
    /// Takes the write lock at once: the right choice for any transaction that will write.
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

extension Database {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it or the commit throws.
    @discardableResult
    package func transaction<T>(_ kind: TransactionKind = .deferred, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            rollbackIfStillOpen()
            throw error
        }
        return result
    }

    /// Runs `body` in a savepoint, nested in the current transaction or starting one: its changes
    /// are released into the enclosing transaction when it returns and undone alone when it throws.
    @discardableResult
    package func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "socd_savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        let result: T
        do {
            result = try body()
        } catch {
            // SQLite may already have rolled back the whole transaction (SQLITE_FULL, IOERR);
            // then there is no savepoint left to return to, and the caller sees `isInTransaction`.
            if isInTransaction {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
            }
            throw error
        }
        do {
            try execute("RELEASE \(name)")
        } catch {
            if isInTransaction {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
            }
            throw error
        }
        return result
    }

    /// Rolls back whatever transaction is open, if any; used on paths that already carry an error.
    func rollbackIfStillOpen() {
        guard isInTransaction else { return }
        try? execute("ROLLBACK")
    }
}
