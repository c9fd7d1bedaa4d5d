import CSQLite
import Glibc

/// socd's persistent state: `socd.db` in the state directory, one writer thread with group
/// commit and a pool of readers.
///
/// All methods may be called from any thread. Changes go through the writer (`submit`, `write`)
/// and are acknowledged only once durable; reads (`read`) see committed data only.
///
/// When the file or its directory cannot be written (read-only file system, permissions), the
/// store opens read-only: reads work and every change fails with a storage error
/// (`DatabaseError.isStorageFailure`). A file that is not a database, or is damaged, is refused
/// with an error naming it, and left exactly as it was.
///
/// Call `close()` before dropping the last reference: the writer thread keeps running until then.
package final class Store: Sendable {
    package let stateDirectory: String
    /// The database file, `<stateDirectory>/socd.db`.
    package let path: String
    private let writer: StoreWriter?
    private let reader: StoreReader
    /// Why the store is read-only, when it is.
    package let readOnlyReason: DatabaseError?
    /// The integrity check still running, with `StoreOptions.verifiesInBackground`.
    private let verification: BackgroundVerification?

    package var isReadOnly: Bool { writer == nil }

    /// The version of the SQLite library socd runs on (`sqlite3_libversion`).
    package static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// The file name of the database inside the state directory.
    package static let fileName = "socd.db"

    private init(
        stateDirectory: String, path: String, writer: StoreWriter?, reader: StoreReader,
        readOnlyReason: DatabaseError?, verification: BackgroundVerification? = nil
    ) {
        self.verification = verification
        self.stateDirectory = stateDirectory
        self.path = path
        self.writer = writer
        self.reader = reader
        self.readOnlyReason = readOnlyReason
    }

    /// Opens (creating if needed) the store in `stateDirectory`, which is created with mode 0750 if
    /// missing, verifies the file and migrates it. Throws `DatabaseError` for a file that cannot be
    /// opened or is damaged and `MigrationError` for one written by a newer socd.
    package static func open(stateDirectory: String, options: StoreOptions = StoreOptions()) throws -> Store {
        try StateDirectory.create(stateDirectory)
        let path = stateDirectory.hasSuffix("/") ? stateDirectory + fileName : stateDirectory + "/" + fileName
        let migrator = Migrator(options.migrations)

        var writerConfiguration = DatabaseConfiguration(access: .readWriteCreate)
        writerConfiguration.synchronous = options.synchronous
        writerConfiguration.busyTimeoutMilliseconds = options.busyTimeoutMilliseconds
        let verification =
            options.verifyOnOpen && options.verifiesInBackground
            ? BackgroundVerification.startIfEligible(
                path: path, migrator: migrator, busyTimeoutMilliseconds: options.busyTimeoutMilliseconds) : nil
        writerConfiguration.verifyOnOpen = options.verifyOnOpen && verification == nil

        let connection: Database
        do {
            connection = try Database(path: path, configuration: writerConfiguration)
        } catch let error as DatabaseError where error.permitsReadOnlyFallback && StateDirectory.fileExists(path) {
            verification?.finish()
            return try openReadOnly(
                stateDirectory: stateDirectory, path: path, options: options, migrator: migrator, cause: error)
        } catch {
            verification?.finish()
            throw error
        }
        do {
            // A file checked in the background had every migration already: nothing to write.
            if verification == nil { try migrator.migrate(connection) }
        } catch {
            connection.close()
            throw error
        }
        var gate: (@Sendable () throws -> Void)?
        if let verification { gate = { try verification.wait() } }
        let writer: StoreWriter
        do {
            writer = try StoreWriter(
                connection: connection, maxBatchSize: options.maxBatchSize,
                pollNanoseconds: options.writerPollNanoseconds,
                gate: gate)
        } catch {
            verification?.finish()
            connection.close()
            throw error
        }
        var readerConfiguration = DatabaseConfiguration(access: .readOnly)
        readerConfiguration.busyTimeoutMilliseconds = options.busyTimeoutMilliseconds
        let reader = StoreReader(path: path, configuration: readerConfiguration, maxIdle: options.maxIdleReaders)
        return Store(
            stateDirectory: stateDirectory, path: path, writer: writer, reader: reader, readOnlyReason: nil,
            verification: verification)
    }

    /// Waits for the integrity check `StoreOptions.verifiesInBackground` left running, if any;
    /// throws what it found (`DatabaseError.corrupt`, naming the file). Returns at once for a
    /// store checked while opening.
    package func waitUntilVerified() throws {
        try verification?.wait()
    }

    /// The read-only fallback. A WAL database needs its `-shm` file even to be read; on storage
    /// where that cannot be created and no `-wal` holds unmerged commits, the main file is
    /// complete and is opened `immutable`.
    private static func openReadOnly(
        stateDirectory: String, path: String, options: StoreOptions, migrator: Migrator, cause: DatabaseError
    ) throws -> Store {
        var configuration = DatabaseConfiguration(access: .readOnly)
        configuration.busyTimeoutMilliseconds = options.busyTimeoutMilliseconds
        configuration.verifyOnOpen = options.verifyOnOpen
        let connection: Database
        do {
            connection = try Database(path: path, configuration: configuration)
        } catch let error as DatabaseError
            where error.resultCode == SQLITE_CANTOPEN
            && StateDirectory.fileSize(path + "-wal") ?? 0 == 0
        {
            configuration.access = .readOnlyImmutable
            do {
                connection = try Database(path: path, configuration: configuration)
            } catch {
                throw DatabaseError.readOnlyOpenFailed(cause: cause, readOnlyError: error, path: path)
            }
        } catch {
            throw DatabaseError.readOnlyOpenFailed(cause: cause, readOnlyError: error, path: path)
        }
        do {
            let pending = try migrator.pendingMigrations(connection)
            if !pending.isEmpty { throw MigrationError.pendingOnReadOnlyStore(pending, path: path) }
        } catch {
            connection.close()
            throw error
        }
        configuration.verifyOnOpen = false
        let reader = StoreReader(path: path, configuration: configuration, maxIdle: options.maxIdleReaders)
        reader.adopt(connection)
        return Store(
            stateDirectory: stateDirectory, path: path, writer: nil, reader: reader,
            readOnlyReason: DatabaseError.readOnlyStore(path: path, reason: cause))
    }

    // MARK: Access

    /// Runs `body` in a read transaction on a pooled read-only connection, on the calling thread.
    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        try reader.read(body)
    }

    /// Runs `body` on a pooled read-only connection outside any transaction.
    func withReadConnection<T>(_ body: (Database) throws -> T) throws -> T {
        try reader.withConnection(body)
    }

    /// Queues a change on the writer; see `StoreWriter.submit`. On a read-only store `completion`
    /// is called at once with the read-only storage error.
    package func submit<T: Sendable>(
        _ work: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        guard let writer else { return completion(.failure(readOnlyError)) }
        writer.submit(work, completion: completion)
    }

    /// Submits a change and waits until it is durable; see `StoreWriter.write`.
    package func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) throws -> T {
        guard let writer else { throw readOnlyError }
        return try writer.write(work)
    }

    private var readOnlyError: DatabaseError {
        readOnlyReason ?? DatabaseError.readOnlyStore(path: path, reason: .misuse("no writer", path: path))
    }

    /// The writer's commit counts; nil on a read-only store.
    package var writerStatistics: StoreWriter.Statistics? { writer?.statistics }

    /// Commits every queued change, then closes the writer and the idle readers.
    package func close() {
        writer?.close()
        reader.close()
        verification?.finish()
    }
}

extension DatabaseError {
    /// Whether a failure to open for writing may still allow reading the file.
    fileprivate var permitsReadOnlyFallback: Bool {
        switch resultCode {
        case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR, SQLITE_AUTH: true
        default: false
        }
    }

    fileprivate static func readOnlyOpenFailed(
        cause: DatabaseError, readOnlyError: any Error, path: String
    )
        -> DatabaseError
    {
        var error = cause
        error.message += "; opening it read-only failed too: \(readOnlyError)"
        error.path = path
        return error
    }
}
