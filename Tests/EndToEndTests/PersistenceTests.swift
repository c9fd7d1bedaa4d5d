import Glibc
import JSONRPC
import Testing

/// What socd acknowledges survives a restart and `kill -9`; a damaged database stops it cold.
@Suite struct PersistenceTests {
    @Test func theAuditTrailAndTheLogLevelPersistAcrossARestart() throws {
        let scratch = try Scratch()
        let first = try scratch.startSocd()
        let client = try first.connect()
        _ = try client.result("system.setLogLevel", ["level": "debug"])
        _ = try client.result("system.setLogLevel", ["level": "notice"])
        let before = try client.result("audit.list")
        #expect(first.terminate() == 0)

        let second = try scratch.startSocd()
        let again = try second.connect()
        #expect(try again.result("audit.list") == before)
        #expect(before["entries"]?.arrayValue?.map { $0["params"]?["level"] } == ["notice", "debug"])
        #expect(try again.result("system.status")["logLevel"] == "notice")
        #expect(second.terminate() == 0)

        // --log-level overrides what was persisted, without changing it.
        let third = try scratch.startSocd(["--log-level", "error"])
        #expect(try third.connect().result("system.status")["logLevel"] == "error")
        #expect(third.terminate() == 0)
    }

    @Test func anAcknowledgedChangeSurvivesKill9AndTheDatabaseStaysIntact() throws {
        let scratch = try Scratch()
        let sqlite = try BuiltProducts.requiredTool("sqlite3", package: "sqlite3")
        let first = try scratch.startSocd()
        let client = try first.connect()
        #expect(try client.result("system.setLogLevel", ["level": "warning"])["level"] == "warning")
        first.process.kill9()
        #expect(first.process.terminatingSignal == SIGKILL)

        let second = try scratch.startSocd()
        let again = try second.connect()
        #expect(try again.result("system.status")["logLevel"] == "warning")
        let entries = try again.result("audit.list")["entries"]?.arrayValue ?? []
        #expect(entries.count == 1)
        #expect(entries.first?["outcome"] == "ok")
        #expect(second.terminate() == 0)

        let check = try ChildProcess.run(
            sqlite, [scratch.state + "/socd.db", "PRAGMA integrity_check;"], outputPrefix: scratch.file("sqlite"))
        #expect(check.status == 0, "\(check.error)")
        #expect(check.output == "ok\n")
    }

    @Test func aCorruptDatabaseStopsSocdNamingTheFileAndLeavesItAlone() throws {
        let scratch = try Scratch()
        #expect(mkdir(scratch.state, 0o750) == 0)
        let path = scratch.state + "/socd.db"
        let garbage = String(repeating: "this is not an SQLite database. ", count: 256)
        #expect(FileManagerLite.write(garbage, to: path))

        let result = try ChildProcess.run(
            BuiltProducts.socd, ["--socket", scratch.socket, "--state-dir", scratch.state],
            outputPrefix: scratch.file("socd"))
        #expect(result.status == 1, "\(result.error)")
        #expect(result.error.contains(path), "\(result.error)")
        #expect(access(scratch.socket, F_OK) != 0, "no socket is left behind")
        #expect(scratch.read("state/socd.db") == garbage, "the damaged file is left exactly as it was")
    }
}

/// Writes a whole file with stdio, for setting up fixtures.
enum FileManagerLite {
    static func write(_ text: String, to path: String) -> Bool {
        guard let file = fopen(path, "w") else { return false }
        defer { fclose(file) }
        return fputs(text, file) >= 0
    }
}
