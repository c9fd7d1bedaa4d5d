import SocStore
import Testing

@Suite struct MigratorTests {
    struct Boom: Error {}

    /// Migrations that log the order they ran in.
    static func logged(_ names: [String], into log: Collector<String>) -> [Migration] {
        names.map { name in
            Migration(name: name) { db in
                try db.execute("CREATE TABLE \(name)(x)")
                log.append(name)
            }
        }
    }

    @Test func appliesInOrderOnceAndRecordsEach() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("m.db")
        let log = Collector<String>()
        let migrator = Migrator(Self.logged(["one", "two", "three"], into: log))

        let db = try Fixtures.openDatabase(path)
        #expect(try migrator.pendingMigrations(db) == ["one", "two", "three"])
        #expect(try migrator.migrate(db) == ["one", "two", "three"])
        #expect(try migrator.migrate(db) == [])
        db.close()

        let reopened = try Fixtures.openDatabase(path)
        #expect(try migrator.migrate(reopened) == [])
        #expect(log.values == ["one", "two", "three"])
        let recorded = try reopened.query("SELECT name, applied_at_ms FROM socd_migrations ORDER BY rowid") { row in
            (try row[0] as String, try row[1] as Int64)
        }
        #expect(recorded.map(\.0) == ["one", "two", "three"])
        #expect(recorded.allSatisfy { $0.1 > 1_600_000_000_000 })
    }

    @Test func appendedMigrationRunsOnReopen() throws {
        let directory = try TemporaryDirectory()
        let log = Collector<String>()
        let db = try Fixtures.openDatabase(directory.file("m.db"))
        try Migrator(Self.logged(["one"], into: log)).migrate(db)
        #expect(try Migrator(Self.logged(["one", "two"], into: log)).migrate(db) == ["two"])
        #expect(log.values == ["one", "two"])
    }

    @Test func failingMigrationLeavesNoTraceAndStopsTheRest() throws {
        let directory = try TemporaryDirectory()
        let db = try Fixtures.openDatabase(directory.file("m.db"))
        let migrations = [
            Migration(name: "good") { db in try db.execute("CREATE TABLE good(x)") },
            Migration(name: "bad") { db in
                try db.execute("CREATE TABLE half(x)")
                throw Boom()
            },
            Migration(name: "later") { db in try db.execute("CREATE TABLE later(x)") },
        ]
        #expect(throws: Boom.self) { try Migrator(migrations).migrate(db) }
        let tables = try db.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") {
            try $0[0] as String
        }
        #expect(tables == ["good", "socd_migrations"])
        #expect(try Migrator(migrations).pendingMigrations(db) == ["bad", "later"])
    }

    @Test func databaseFromANewerBuildIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("socd.db")
        let log = Collector<String>()
        let db = try Fixtures.openDatabase(path)
        try Migrator(Self.logged(["audit", "rules"], into: log)).migrate(db)

        let older = Migrator(Self.logged(["audit"], into: log))
        let error = try #require(throws: MigrationError.self) { try older.migrate(db) }
        #expect(error.unknownMigrations == ["rules"])
        #expect(
            error.description.hasPrefix(
                "socd.db was written by a newer socd: unknown migration 'rules'; upgrade socd or restore a backup"))
        #expect(throws: MigrationError.self) { try older.pendingMigrations(db) }
    }

    @Test func duplicateNamesAreAProgrammingErrorCaughtAtOpen() throws {
        let directory = try TemporaryDirectory()
        let db = try Fixtures.openDatabase(directory.file("m.db"))
        let twice = [Migration(name: "a") { _ in }, Migration(name: "a") { _ in }]
        let error = try #require(throws: MigrationError.self) { try Migrator(twice).migrate(db) }
        #expect(error.description.contains("'a' twice"))
    }

    @Test func socdSchemaNamesAreUniqueAndMigrateCleanly() throws {
        let directory = try TemporaryDirectory()
        let db = try Fixtures.openDatabase(directory.file("m.db"))
        #expect(
            try Migrator(SocdSchema.migrations).migrate(db) == [
                "audit", "settings", "firewall_rules", "simulation_state", "alerts", "incidents", "hunts",
                "intel_indicators",
            ])
        #expect(try db.query("PRAGMA foreign_key_check") { try $0[0] as String } == [])
    }
}
