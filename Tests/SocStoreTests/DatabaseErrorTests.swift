import CSQLite
import SocStore
import Testing

@Suite struct DatabaseErrorTests {
    @Test func syntaxErrorCarriesCodeMessageSQLAndPath() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("errors.db")
        let db = try Fixtures.openDatabase(path)
        let error = try #require(throws: DatabaseError.self) { try db.execute("SELEC 1") }
        #expect(error.resultCode == SQLITE_ERROR)
        #expect(error.extendedResultCode == SQLITE_ERROR)
        #expect(error.message.contains("syntax error"))
        #expect(error.sql == "SELEC 1")
        #expect(error.path == path)
        #expect(!error.isStorageFailure)
        for part in ["SQLITE_ERROR", "syntax error", "SELEC 1", path] { #expect(error.description.contains(part)) }
    }

    @Test func constraintViolationReportsTheExtendedCode() throws {
        let directory = try TemporaryDirectory()
        let db = try Fixtures.openDatabase(directory.file("errors.db"))
        try db.execute("CREATE TABLE u(k TEXT PRIMARY KEY NOT NULL)")
        try db.execute("INSERT INTO u VALUES ('a')")
        let error = try #require(throws: DatabaseError.self) { try db.execute("INSERT INTO u VALUES (?)", "a") }
        #expect(error.resultCode == SQLITE_CONSTRAINT)
        #expect(error.extendedResultCode == SQLITE_CONSTRAINT | (6 << 8))  // SQLITE_CONSTRAINT_PRIMARYKEY
        #expect(error.isConstraintViolation)
        #expect(error.description.contains("SQLITE_CONSTRAINT_PRIMARYKEY"))
        // The statement is usable again after the failure.
        try db.execute("INSERT INTO u VALUES (?)", "b")
    }

    @Test func storageFailuresAreClassified() {
        let storage: [Int32] = [
            SQLITE_FULL, SQLITE_IOERR, SQLITE_IOERR | (3 << 8), SQLITE_READONLY, SQLITE_READONLY | (6 << 8),
            SQLITE_CANTOPEN, SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_PERM,
        ]
        for code in storage {
            #expect(DatabaseError(extendedResultCode: code, message: "x").isStorageFailure, "code \(code)")
        }
        for code in [SQLITE_ERROR, SQLITE_CONSTRAINT, SQLITE_BUSY, SQLITE_MISUSE, SQLITE_MISMATCH] {
            #expect(!DatabaseError(extendedResultCode: code, message: "x").isStorageFailure, "code \(code)")
        }
        let write = DatabaseError(extendedResultCode: SQLITE_IOERR | (3 << 8), message: "disk I/O error")
        #expect(write.resultCode == SQLITE_IOERR)
        #expect(write.description.contains("SQLITE_IOERR_WRITE"))
    }
}
