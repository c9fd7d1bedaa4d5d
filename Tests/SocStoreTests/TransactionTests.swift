import SocStore
import Testing

@Suite struct TransactionTests {
    struct Abort: Error {}

    let directory: TemporaryDirectory
    let db: Database

    init() throws {
        directory = try TemporaryDirectory()
        db = try Fixtures.openDatabase(directory.file("tx.db"))
        try db.execute("CREATE TABLE t(v INTEGER)")
    }

    private func values() throws -> [Int] { try db.query("SELECT v FROM t ORDER BY v") { try $0[0] } }

    @Test func transactionCommitsWhenBodyReturns() throws {
        let result = try db.transaction(.immediate) {
            try db.execute("INSERT INTO t VALUES (1)")
            #expect(db.isInTransaction)
            return "done"
        }
        #expect(result == "done")
        #expect(!db.isInTransaction)
        #expect(try values() == [1])
    }

    @Test func transactionRollsBackWhenBodyThrows() throws {
        #expect(throws: Abort.self) {
            try db.transaction(.immediate) {
                try db.execute("INSERT INTO t VALUES (1)")
                throw Abort()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try values() == [])
    }

    @Test func savepointRollbackUndoesOnlyItsOwnChanges() throws {
        try db.transaction(.immediate) {
            try db.execute("INSERT INTO t VALUES (1)")
            #expect(throws: Abort.self) {
                try db.savepoint {
                    try db.execute("INSERT INTO t VALUES (2)")
                    try db.savepoint { try db.execute("INSERT INTO t VALUES (3)") }
                    throw Abort()
                }
            }
            try db.savepoint { try db.execute("INSERT INTO t VALUES (4)") }
            #expect(db.isInTransaction)
        }
        #expect(try values() == [1, 4])
    }

    @Test func innerSavepointRollbackKeepsOuterSavepoint() throws {
        try db.savepoint {
            try db.execute("INSERT INTO t VALUES (1)")
            try? db.savepoint {
                try db.execute("INSERT INTO t VALUES (2)")
                throw Abort()
            }
        }
        #expect(try values() == [1])
        #expect(!db.isInTransaction)  // an outermost savepoint is its own transaction
    }

    @Test func nestedBeginIsAnError() throws {
        try db.transaction {
            let error = try #require(throws: DatabaseError.self) { try db.transaction {} }
            #expect(error.message.contains("within a transaction"))
        }
    }
}
