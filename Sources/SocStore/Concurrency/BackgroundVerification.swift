/// `PRAGMA quick_check` running on a connection and thread of its own while start-up goes on:
/// see `StoreOptions.verifiesInBackground`.
final class BackgroundVerification: @unchecked Sendable {
    // @unchecked Sendable: `outcome` is a ConditionLock; `connection` is used only by the
    // checking thread, and closed by it when the check ends.
    private let outcome = ConditionLock<Result<Void, any Error>?>(nil)
    private var thread: JoinableThread<Bool>?
    private let connection: Database

    /// Starts checking `path`, when the file qualifies: it exists, is a database already in WAL
    /// mode (so the writer's open does not rewrite its header) and has every migration of
    /// `migrator` (so opening writes nothing before the check passed). nil otherwise, and for
    /// any error looking: the caller then checks the usual way, which reports it.
    static func startIfEligible(
        path: String, migrator: Migrator, busyTimeoutMilliseconds: Int32
    ) -> BackgroundVerification? {
        guard StateDirectory.fileExists(path) else { return nil }
        var configuration = DatabaseConfiguration(access: .readOnly)
        configuration.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        guard let probe = try? Database(path: path, configuration: configuration) else { return nil }
        guard (try? probe.scalar("PRAGMA journal_mode") as String?)??.lowercased() == "wal",
            (try? migrator.pendingMigrations(probe))?.isEmpty == true,
            let verification = try? BackgroundVerification(connection: probe)
        else {
            probe.close()
            return nil
        }
        return verification
    }

    private init(connection: Database) throws {
        self.connection = connection
        thread = try JoinableThread { [self] in run() }
    }

    private func run() -> Bool {
        let result = Result { try connection.verify() }
        connection.close()
        outcome.withLock { $0 = result }
        outcome.broadcast()
        return true
    }

    /// Waits for the check; throws what it found (`DatabaseError.corrupt` naming the file).
    /// May be called from any thread, any number of times.
    func wait() throws {
        try outcome.wait(until: { $0 != nil }) { $0! }.get()
    }

    /// Waits for the check and its thread to end; call once, when the store closes.
    func finish() {
        _ = thread?.join()
        thread = nil
    }
}
