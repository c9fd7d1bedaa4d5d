import CSQLite
import Foundation
import SocStore
import Testing

@Suite struct OpenSafetyTests {
    @Test func fileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("socd.db")
        let junk = Array("this is a shopping list, not a database\n".utf8) + [UInt8](repeating: 0x5A, count: 8192)
        try TemporaryDirectory.write(junk, to: path)

        let error = try #require(throws: DatabaseError.self) { try Store.open(stateDirectory: directory.path) }
        #expect(error.resultCode == SQLITE_NOTADB)
        #expect(error.isStorageFailure)
        #expect(error.description.contains(path))
        #expect(error.description.contains("not a database"))
        #expect(try TemporaryDirectory.bytes(of: path) == junk)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func damagedDatabaseIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let (path, bytes) = try damagedDatabase(in: directory)

        let error = try #require(throws: DatabaseError.self) { try Store.open(stateDirectory: directory.path) }
        #expect(error.resultCode == SQLITE_CORRUPT)
        #expect(error.isStorageFailure)
        #expect(error.description.contains(path))
        #expect(try TemporaryDirectory.bytes(of: path) == bytes)
    }

    @Test func missingStateDirectoryIsCreatedPrivate() throws {
        let directory = try TemporaryDirectory()
        let state = directory.file("var/lib/socd")
        let store = try Store.open(stateDirectory: state)
        defer { store.close() }
        let attributes = try FileManager.default.attributesOfItem(atPath: state)
        let permissions = try #require(attributes[.posixPermissions] as? Int)
        #expect(permissions & ~0o022 == 0o750 & ~0o022)  // 0750 less the umask
        #expect(permissions & 0o007 == 0)
        #expect(store.path == state + "/socd.db")
        #expect(FileManager.default.fileExists(atPath: store.path))
        #expect(!store.isReadOnly)
    }

    @Test func stateDirectoryThatIsAFileIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let notADirectory = directory.file("state")
        try TemporaryDirectory.write([1, 2, 3], to: notADirectory)
        let error = try #require(throws: DatabaseError.self) { try Store.open(stateDirectory: notADirectory) }
        #expect(error.description.contains(notADirectory))
        #expect(error.isStorageFailure)
    }
}

/// `StoreOptions.verifiesInBackground`: the check runs while the caller goes on, and a damaged
/// file is still refused, named, and never written.
@Suite struct BackgroundVerificationTests {
    private static var backgroundOptions: StoreOptions {
        var options = StoreOptions()
        options.verifiesInBackground = true
        return options
    }

    @Test func aSoundFileIsVerifiedAndWritable() throws {
        let directory = try TemporaryDirectory()
        try Store.open(stateDirectory: directory.path).close()
        let store = try Store.open(stateDirectory: directory.path, options: Self.backgroundOptions)
        defer { store.close() }
        try store.waitUntilVerified()
        try store.write { db in try AuditTrail.append(Fixtures.auditRecord("after", at: 1), in: db) }
    }

    @Test func damageFoundInTheBackgroundIsReportedAndNothingIsWritten() throws {
        let directory = try TemporaryDirectory()
        let (path, bytes) = try damagedDatabase(in: directory)

        let damaged = try Store.open(stateDirectory: directory.path, options: Self.backgroundOptions)
        let error = try #require(throws: DatabaseError.self) { try damaged.waitUntilVerified() }
        #expect(error.resultCode == SQLITE_CORRUPT)
        #expect(error.description.contains(path))
        let writeError = try #require(throws: DatabaseError.self) {
            try damaged.write { db in try AuditTrail.append(Fixtures.auditRecord("late", at: 1), in: db) }
        }
        #expect(writeError.resultCode == SQLITE_CORRUPT)
        damaged.close()
        #expect(try TemporaryDirectory.bytes(of: path) == bytes)
    }

    /// A new file has no migrations yet: it is checked, created and migrated the usual way.
    @Test func aNewFileIsOpenedTheUsualWay() throws {
        let directory = try TemporaryDirectory()
        let store = try Store.open(stateDirectory: directory.path, options: Self.backgroundOptions)
        defer { store.close() }
        try store.waitUntilVerified()
        try store.write { db in try AuditTrail.append(Fixtures.auditRecord("first", at: 1), in: db) }
    }
}

/// A store with 2,000 audit entries whose middle (b-tree pages of the audit table and its
/// indexes) is then overwritten: its path and the damaged bytes, which must stay as they are.
private func damagedDatabase(in directory: TemporaryDirectory) throws -> (path: String, bytes: [UInt8]) {
    let path = directory.file("socd.db")
    let store = try Store.open(stateDirectory: directory.path)
    try store.write { db in
        for index in 0..<2_000 {
            try AuditTrail.append(Fixtures.auditRecord("m\(index)", at: Int64(index)), in: db)
        }
    }
    store.close()
    var bytes = try TemporaryDirectory.bytes(of: path)
    #expect(bytes.count > 16 * 4096)
    for offset in (4 * 4096)..<(12 * 4096) { bytes[offset] = UInt8(truncatingIfNeeded: offset &* 31) }
    try TemporaryDirectory.write(bytes, to: path)
    return (path, bytes)
}
