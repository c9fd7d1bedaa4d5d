import CSQLite
import Glibc

extension Store {
    /// Copies the database into a new file at `destination` with SQLite's online backup API.
    ///
    /// The copy is one consistent snapshot (a single backup step inside one read transaction),
    /// taken on a reader connection, so writes carry on meanwhile. The destination must not exist;
    /// it is checked with `quick_check` and synced before this returns, and removed on failure.
    package func backup(to destination: String) throws {
        // O_EXCL reserves the name atomically: never overwrite an earlier backup or some other file.
        let descriptor = Glibc.open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw DatabaseError.backupFailed(
                "cannot create the backup file: \(String(cString: strerror(errno)))", path: destination)
        }
        Glibc.close(descriptor)
        do {
            var configuration = DatabaseConfiguration(access: .readWriteCreate)
            configuration.usesWAL = false  // one self-contained file, synced on commit
            configuration.synchronous = .full
            let target = try Database(path: destination, configuration: configuration)
            defer { target.close() }
            try withReadConnection { source in try Store.copy(from: source, into: target) }
            let problems = try target.query("PRAGMA quick_check") { row in try row[0] as String }
            guard problems == ["ok"] else { throw DatabaseError.corrupt(path: destination, problems: problems) }
            target.close()
            try Store.syncDirectory(containing: destination)
        } catch {
            unlink(destination)
            unlink(destination + "-journal")
            throw error
        }
    }

    private static func copy(from source: Database, into target: Database) throws {
        guard let backup = sqlite3_backup_init(target.handle, "main", source.handle, "main") else {
            throw DatabaseError.fromConnection(target.handle, code: sqlite3_errcode(target.handle), path: target.path)
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(5) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finishCode = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else {
            throw DatabaseError.fromConnection(target.handle, code: code, path: target.path)
        }
        guard finishCode == SQLITE_OK else {
            throw DatabaseError.fromConnection(target.handle, code: finishCode, path: target.path)
        }
    }

    /// Makes the new directory entry durable, not just the file's contents.
    private static func syncDirectory(containing path: String) throws {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let descriptor = Glibc.open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }  // nothing to sync through; the file itself is synced
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw DatabaseError.backupFailed(
                "cannot sync the backup's directory: \(String(cString: strerror(errno)))", path: path)
        }
    }

    /// `PRAGMA integrity_check` on a reader: `["ok"]` for a sound file, else SQLite's findings.
    package func integrityCheck() throws -> [String] {
        try withReadConnection { db in try db.query("PRAGMA integrity_check") { row in try row[0] as String } }
    }
}

extension DatabaseError {
    static func backupFailed(_ message: String, path: String) -> DatabaseError {
        DatabaseError(extendedResultCode: SQLITE_CANTOPEN, message: message, path: path)
    }
}
