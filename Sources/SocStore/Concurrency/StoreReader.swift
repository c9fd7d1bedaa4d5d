import Synchronization

/// A pool of read-only connections (WAL readers), usable from any thread.
///
/// `read` borrows an idle connection or opens a new one, so readers never wait for each other or
/// for the writer; at most `maxIdle` connections are kept between reads.
package final class StoreReader: Sendable {
    package let path: String
    private let configuration: DatabaseConfiguration
    private let maxIdle: Int
    private let idle: Mutex<[ReaderConnection]>

    package init(path: String, configuration: DatabaseConfiguration, maxIdle: Int = 4) {
        precondition(configuration.isReadOnly, "a StoreReader opens read-only connections")
        self.path = path
        self.configuration = configuration
        self.maxIdle = maxIdle
        self.idle = Mutex([])
    }

    /// Adds an already open read-only connection to the pool.
    func adopt(_ database: Database) {
        giveBack(ReaderConnection(database))
    }

    /// Runs `body` in a read transaction, so every query in it sees the same committed snapshot.
    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        try withConnection { db in try db.transaction(.deferred) { try body(db) } }
    }

    /// Runs `body` on a borrowed connection outside any transaction (backup, integrity check).
    func withConnection<T>(_ body: (Database) throws -> T) throws -> T {
        let connection = try borrow()
        defer { giveBack(connection) }
        return try body(connection.database)
    }

    /// Closes the idle connections; connections borrowed now close when given back.
    package func close() {
        let closing = idle.withLock { pool in
            defer { pool = [] }
            return pool
        }
        for connection in closing { connection.database.close() }
    }

    private func borrow() throws -> ReaderConnection {
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        return ReaderConnection(try Database(path: path, configuration: configuration))
    }

    private func giveBack(_ connection: ReaderConnection) {
        let kept = idle.withLock { pool -> Bool in
            guard pool.count < maxIdle else { return false }
            pool.append(connection)
            return true
        }
        if !kept { connection.database.close() }
    }
}

/// A pooled connection in transit between the pool and one borrower.
final class ReaderConnection: @unchecked Sendable {
    // @unchecked Sendable: the pool hands the connection to one borrower at a time (popLast under
    // the pool's mutex) and takes it back before anyone else can borrow it, so the `Database`
    // is never used by two threads at once.
    let database: Database

    init(_ database: Database) {
        self.database = database
    }
}
