/// How `Store.open` sets the store up.
package struct StoreOptions: Sendable {
    /// The writer's `PRAGMA synchronous`. `full` (the default) makes an acknowledged write survive
    /// power loss; `normal` only a crash of the process.
    package var synchronous: DatabaseConfiguration.Synchronous = .full
    package var busyTimeoutMilliseconds: Int32 = 5_000
    /// The most jobs the writer commits in one transaction.
    package var maxBatchSize = 256
    /// How long the writer polls for the next job after a batch before sleeping (0: never).
    package var writerPollNanoseconds: UInt64 = 0
    /// Read-only connections kept open between reads.
    package var maxIdleReaders = 4
    /// Run `PRAGMA quick_check` at open, refusing a damaged file up front.
    package var verifyOnOpen = true
    /// With `verifyOnOpen`, run the check on a thread of its own while the caller goes on (socd
    /// loads its firewall rules meanwhile), for a file that is already in WAL mode and fully
    /// migrated, so that opening it writes nothing; other files are checked before `open`
    /// returns. Writes wait until the check passed and fail if it did not; the caller must call
    /// `Store.waitUntilVerified()` before trusting what it read.
    package var verifiesInBackground = false
    /// The schema history; tests substitute their own.
    package var migrations: [Migration] = SocdSchema.migrations

    package init() {}
}
