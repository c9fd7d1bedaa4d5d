import SocStore
import Testing

@Suite struct DatabaseBindingTests {
    let directory: TemporaryDirectory
    let db: Database

    init() throws {
        directory = try TemporaryDirectory()
        db = try Fixtures.openDatabase(directory.file("bind.db"))
        try db.execute("CREATE TABLE t(a, b, c, d, e, f, g)")
    }

    @Test func everyTypeRoundTripsByIndex() throws {
        let blob: [UInt8] = [0, 1, 2, 255, 0]
        try db.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)", 42, Int64.min, 2.5, "héllo\u{0}wörld", blob, true,
            Int?.none)
        let rows = try db.query("SELECT a, b, c, d, e, f, g, typeof(g) FROM t") { row in
            (
                try row[0] as Int, try row[1] as Int64, try row[2] as Double, try row[3] as String,
                try row[4] as [UInt8], try row[5] as Bool, try row[6] as Int?, try row[7] as String
            )
        }
        let row = try #require(rows.first)
        #expect(row.0 == 42)
        #expect(row.1 == Int64.min)
        #expect(row.2 == 2.5)
        #expect(row.3 == "héllo\u{0}wörld")  // the length is bound, so an embedded NUL survives
        #expect(row.4 == blob)
        #expect(row.5 == true)
        #expect(row.6 == nil)
        #expect(row.7 == "null")
    }

    @Test func emptyTextAndBlobAreNotNull() throws {
        try db.execute("INSERT INTO t(a, b) VALUES (?, ?)", "", [UInt8]())
        let types = try db.query("SELECT typeof(a), typeof(b), length(a), length(b) FROM t") { row in
            [try row[0] as String, try row[1] as String, String(try row[2] as Int), String(try row[3] as Int)]
        }
        #expect(types == [["text", "blob", "0", "0"]])
        let values = try db.query("SELECT a, b FROM t") { row in (try row[0] as String, try row[1] as [UInt8]) }
        #expect(values.first?.0 == "")
        #expect(values.first?.1 == [])
    }

    @Test func namedParametersWithAndWithoutPrefix() throws {
        let statement = try db.makeStatement("INSERT INTO t(a, b, c) VALUES (:a, @b, :c)")
        try statement.bind(7, named: ":a")
        try statement.bind("seven", named: "@b")
        try statement.bind(Double?.none, named: "c")
        #expect(try statement.step() == false)
        try db.execute("INSERT INTO t(a, b, c) VALUES (:a, :b, :c)", arguments: [":a": 8, "b": "eight", ":c": 8.5])
        let rows = try db.query("SELECT a, b, c FROM t ORDER BY a") { row in
            "\(try row["a"] as Int) \(try row["b"] as String) \(String(describing: try row["c"] as Double?))"
        }
        #expect(rows == ["7 seven nil", "8 eight Optional(8.5)"])
        #expect(throws: DatabaseError.self) { try statement.bind(1, named: ":nope") }
    }

    @Test func statementStepsResetsAndClearsBindings() throws {
        try db.execute("INSERT INTO t(a) VALUES (1), (2), (3)")
        let statement = try db.makeStatement("SELECT a FROM t WHERE a >= ? ORDER BY a")
        try statement.bind(2, at: 1)
        var seen: [Int] = []
        while try statement.step() { seen.append(try statement.row[0]) }
        #expect(seen == [2, 3])
        statement.reset()
        #expect(try statement.step())
        #expect(try statement.row[0] as Int == 2)  // bindings survive reset
        statement.reset()
        statement.clearBindings()
        #expect(try statement.step() == false)  // a >= NULL matches nothing
    }

    @Test func conversionIsStrictAndNullNeedsAnOptional() throws {
        try db.execute("INSERT INTO t(a, b, c) VALUES ('text', NULL, 3)")
        #expect(throws: DatabaseError.self) { try db.query("SELECT a FROM t") { try $0[0] as Int } }
        #expect(throws: DatabaseError.self) { try db.query("SELECT b FROM t") { try $0[0] as String } }
        #expect(try db.query("SELECT b FROM t") { try $0[0] as String? } == [nil])
        #expect(try db.query("SELECT c FROM t") { try $0[0] as Double } == [3.0])  // INTEGER widens to REAL
        let error = try #require(throws: DatabaseError.self) {
            try db.query("SELECT a AS label FROM t") { try $0[0] as Int }
        }
        #expect(error.message.contains("label"))
        #expect(error.message.contains("TEXT"))
        #expect(error.sql == "SELECT a AS label FROM t")
    }

    @Test func cachedStatementCanBeUsedReentrantly() throws {
        try db.execute("INSERT INTO t(a) VALUES (1), (2)")
        let sql = "SELECT a FROM t ORDER BY a"
        let pairs = try db.query(sql) { outer in
            let inner = try db.query(sql) { try $0[0] as Int }
            return (try outer[0] as Int, inner)
        }
        #expect(pairs.map(\.0) == [1, 2])
        #expect(pairs.map(\.1) == [[1, 2], [1, 2]])
    }

    @Test func changesAndLastInsertRowID() throws {
        try db.execute("CREATE TABLE k(id INTEGER PRIMARY KEY, v)")
        try db.execute("INSERT INTO k(v) VALUES ('x')")
        #expect(db.lastInsertRowID == 1)
        try db.execute("INSERT INTO k(v) VALUES ('y'), ('z')")
        #expect(db.lastInsertRowID == 3)
        try db.execute("UPDATE k SET v = 'w' WHERE id >= 2")
        #expect(db.changes == 2)
    }

    @Test func executeRefusesSeveralStatementsButScriptsRunThemAll() throws {
        let error = try #require(throws: DatabaseError.self) {
            try db.execute("INSERT INTO t(a) VALUES (1); INSERT INTO t(a) VALUES (2)")
        }
        #expect(error.message.contains("executeScript"))
        try db.executeScript("INSERT INTO t(a) VALUES (1); -- one\nINSERT INTO t(a) VALUES (2);\n")
        #expect(try db.scalar("SELECT count(*) FROM t") == 2)
    }

    @Test func connectionIsConfiguredAsRequested() throws {
        #expect(try db.scalar("PRAGMA journal_mode") == "wal")
        #expect(try db.scalar("PRAGMA synchronous") == 2)  // FULL
        #expect(try db.scalar("PRAGMA foreign_keys") == 1)
        var configuration = DatabaseConfiguration(access: .readWriteCreate)
        configuration.synchronous = .normal
        let normal = try Database(path: directory.file("normal.db"), configuration: configuration)
        #expect(try normal.scalar("PRAGMA synchronous") == 1)
    }
}
