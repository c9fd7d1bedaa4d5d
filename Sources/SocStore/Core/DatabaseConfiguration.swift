/// How a `Database` connection is opened and set up.
package struct DatabaseConfiguration: Sendable {
    package enum Access: Sendable {
        /// Read-write, creating the file if missing. Switches the file to WAL and verifies it took.
        case readWriteCreate
        /// Read-only; the journal mode is left as the file has it.
        case readOnly
        /// Read-only with `immutable=1`: SQLite takes no locks and needs no `-shm` file. Only for a
        /// file on storage nobody can write, with no `-wal` file, where a plain read-only open fails.
        case readOnlyImmutable
    }

    /// `PRAGMA synchronous`. `full` makes every commit durable against power loss in WAL mode;
    /// `normal` only against a crash of the process.
    package enum Synchronous: String, Sendable {
        case off = "OFF"
        case normal = "NORMAL"
        case full = "FULL"
        case extra = "EXTRA"
    }

    package var access: Access
    package var synchronous: Synchronous = .full
    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    package var busyTimeoutMilliseconds: Int32 = 5_000
    /// Run `PRAGMA quick_check` while opening, so a damaged file is refused up front rather than
    /// failing some later request. Costs a scan of the file; do it on one connection per process.
    package var verifyOnOpen = false
    /// Switch a read-write connection to WAL (and verify it took), so readers never block the
    /// writer. Off only for single-file outputs such as backups.
    package var usesWAL = true
    /// How many distinct SQL strings keep a prepared statement; older ones are finalized.
    package var statementCacheCapacity = 64

    package init(access: Access) {
        self.access = access
    }

    package var isReadOnly: Bool { access != .readWriteCreate }
}
