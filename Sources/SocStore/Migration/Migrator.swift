/// Brings a database's schema up to date by applying an append-only list of migrations, each in
/// its own transaction, recording each in `socd_migrations` so that reopening applies nothing twice.
///
/// A database that records a migration this list lacks was written by a newer build; the migrator
/// refuses it rather than run old code against a schema it does not understand.
package struct Migrator: Sendable {
    package let migrations: [Migration]

    package init(_ migrations: [Migration]) {
        self.migrations = migrations
    }

    static let createLedger = """
        CREATE TABLE IF NOT EXISTS socd_migrations (
            name TEXT PRIMARY KEY NOT NULL,
            applied_at_ms INTEGER NOT NULL -- milliseconds since the Unix epoch
        )
        """

    /// Applies every migration the database lacks, in list order; returns the names applied.
    @discardableResult
    package func migrate(_ db: Database) throws -> [String] {
        try checkNamesAreUnique(path: db.path)
        try db.transaction(.immediate) { try db.execute(Migrator.createLedger) }
        var applied: [String] = []
        for migration in migrations {
            let didApply = try db.transaction(.immediate) {
                // Read inside the write transaction: another process may have migrated meanwhile.
                let recorded = try recordedNames(db)
                try refuseUnknown(recorded, path: db.path)
                if recorded.contains(migration.name) { return false }
                try migration.body(db)
                try db.execute(
                    "INSERT INTO socd_migrations(name, applied_at_ms) VALUES (?, ?)", migration.name,
                    WallClock.nowMilliseconds())
                return true
            }
            if didApply { applied.append(migration.name) }
        }
        if migrations.isEmpty { try refuseUnknown(try recordedNames(db), path: db.path) }
        return applied
    }

    /// Names of known migrations the database has not applied, in list order. Throws if it records
    /// an unknown one. Works on a read-only connection.
    package func pendingMigrations(_ db: Database) throws -> [String] {
        try checkNamesAreUnique(path: db.path)
        let hasLedger =
            try db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'socd_migrations'")
            as Int? == 1
        let recorded = hasLedger ? try recordedNames(db) : []
        try refuseUnknown(recorded, path: db.path)
        return migrations.map(\.name).filter { !recorded.contains($0) }
    }

    private func recordedNames(_ db: Database) throws -> Set<String> {
        Set(try db.query("SELECT name FROM socd_migrations") { row in try row[0] as String })
    }

    private func refuseUnknown(_ recorded: Set<String>, path: String) throws {
        let known = Set(migrations.map(\.name))
        let unknown = recorded.subtracting(known).sorted()
        if !unknown.isEmpty { throw MigrationError.unknownMigrations(unknown, path: path) }
    }

    private func checkNamesAreUnique(path: String) throws {
        var seen: Set<String> = []
        for migration in migrations where !seen.insert(migration.name).inserted {
            throw MigrationError.duplicateName(migration.name, path: path)
        }
    }
}
