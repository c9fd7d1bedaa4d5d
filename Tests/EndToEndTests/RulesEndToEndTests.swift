import Foundation
import JSONRPC
import SocPOSIX
import Testing

/// The built socd, spawned: rules that persist, survive kill -9, expire, and storage that fails.
@Suite("rules end to end")
struct RulesEndToEndTests {
    static let sqliteAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")

    @Test func rulesPositionsAndPolicyPersistAcrossARestart() throws {
        let directory = try RulesE2EDirectory()
        let daemon = directory.daemon()
        try daemon.start()
        var client = try RulesE2EClient(path: daemon.socketPath)
        try client.call(
            "rules.add", ["src": "198.51.100.7", "dst": "10.0.0.10", "sport": "ANY", "dport": 80, "action": "DROP"])
        try client.call(
            "rules.add", ["src": "203.0.113.0/24", "dport": "1000-2000", "proto": "tcp", "action": "reject"])
        try client.call(
            "rules.add", ["dst": "10.0.0.10", "dport": 443, "action": "pass", "position": 1, "comment": "TLS ✓"])
        try client.call("rules.move", ["id": 1, "position": 3])
        try client.call("rules.setPolicy", ["policy": "drop"])
        let before = try client.call("rules.list")
        #expect(before["rules"]?.arrayValue?.map { $0["id"]?.intValue ?? 0 } == [3, 2, 1])
        #expect(try daemon.stop() == 0)

        try daemon.start()
        client = try RulesE2EClient(path: daemon.socketPath)
        #expect(try client.call("rules.list") == before)
        #expect(try client.call("rules.check", ["src": "192.0.2.1", "dst": "10.0.0.99"])["verdict"] == "DROP")
        try daemon.stop()
    }

    /// Every acknowledged add is durable: kill -9 right after the replies loses none of them.
    @Test(.enabled(if: sqliteAvailable)) func sigkillRightAfterAnAddLosesNothing() throws {
        let directory = try RulesE2EDirectory()
        let daemon = directory.daemon()
        try daemon.start()
        let client = try RulesE2EClient(path: daemon.socketPath)
        for n in 1...20 {
            try client.call("rules.add", ["src": .string("198.51.100.\(n)"), "dport": 80, "action": "drop"])
        }
        let last = try client.call("rules.add", ["src": "203.0.113.7", "action": "drop", "position": 1])
        try daemon.stop(SIGKILL)

        let database = daemon.stateDirectory + "/socd.db"
        #expect(try RulesE2EDirectory.sqlite(database, "PRAGMA integrity_check") == "ok")
        #expect(try RulesE2EDirectory.sqlite(database, "SELECT COUNT(*) FROM firewall_rules") == "21")
        try daemon.start()
        let rules = try RulesE2EClient(path: daemon.socketPath).call("rules.list")["rules"]?.arrayValue ?? []
        #expect(rules.count == 21)
        #expect(rules.first?["id"] == last["rule"]?["id"])
        #expect(rules.first?["src"] == "203.0.113.7")
        try daemon.stop()
        #expect(try RulesE2EDirectory.sqlite(database, "PRAGMA integrity_check") == "ok")
    }

    /// ttl 1s: matching stops the moment it expires; the maintenance pass removes it promptly.
    @Test func aOneSecondRuleExpires() throws {
        let directory = try RulesE2EDirectory()
        let daemon = directory.daemon()
        try daemon.start()
        let client = try RulesE2EClient(path: daemon.socketPath)
        let packet: JSONValue = ["src": "198.51.100.7", "dst": "10.0.0.10", "dport": 80]
        let rule = try client.call("rules.add", ["src": "198.51.100.7", "action": "drop", "ttl": 1])["rule"]
        let expiresAt = try #require(ISO8601.parse(rule?["expiresAt"]?.stringValue ?? ""))
        #expect(try client.call("rules.check", packet)["verdict"] == "DROP")
        // Sleep to just past the expiry, then ask at once.
        let wait = expiresAt - WallClock.nowMilliseconds + 20
        if wait > 0 { usleep(UInt32(wait) * 1000) }
        #expect(
            try client.call("rules.check", packet)["verdict"] == "ACCEPT", "an expired rule must stop matching at once")
        let deadline = WallClock.nowMilliseconds + 2500
        var listed = -1
        repeat {
            listed = try client.call("rules.list")["total"]?.intValue ?? -1
            if listed == 0 { break }
            usleep(50_000)
        } while WallClock.nowMilliseconds < deadline
        #expect(listed == 0, "the expired rule must disappear from rules.list within about 2 s")
        try daemon.stop()
    }

    @Test(.enabled(if: sqliteAvailable)) func aRuleThatExpiredWhileSocdWasDownIsGone() throws {
        let directory = try RulesE2EDirectory()
        let daemon = directory.daemon()
        try daemon.start()
        var client = try RulesE2EClient(path: daemon.socketPath)
        try client.call("rules.add", ["src": "198.51.100.7", "action": "drop", "ttl": 1])
        try client.call("rules.add", ["src": "198.51.100.8", "action": "drop"])
        try daemon.stop()
        usleep(1_200_000)
        try daemon.start()
        client = try RulesE2EClient(path: daemon.socketPath)
        #expect(try client.call("rules.list")["rules"]?.arrayValue?.map { $0["src"] } == ["198.51.100.8"])
        #expect(
            try client.call("rules.check", ["src": "198.51.100.7", "dst": "10.0.0.10"])["verdict"] == "ACCEPT")
        // The first maintenance pass deletes it from the file too.
        let database = daemon.stateDirectory + "/socd.db"
        let deadline = Date().addingTimeInterval(3)
        var stored = ""
        repeat {
            stored = try RulesE2EDirectory.sqlite(database, "SELECT COUNT(*) FROM firewall_rules")
            if stored == "1" { break }
            usleep(50_000)
        } while Date() < deadline
        #expect(stored == "1")
        try daemon.stop()
    }

    @Test func aCorruptDatabaseIsRefusedNamingTheFileAndLeftAlone() throws {
        let directory = try RulesE2EDirectory()
        let daemon = directory.daemon()
        try FileManager.default.createDirectory(atPath: daemon.stateDirectory, withIntermediateDirectories: true)
        let database = daemon.stateDirectory + "/socd.db"
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: database))
        let status = try daemon.runExpectingFailure()
        #expect(status != 0)
        let log = daemon.log
        #expect(log.contains(database), "\(log)")
        #expect(log.contains("file is not a database") || log.contains("SQLITE_NOTADB"), "\(log)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == garbage, "the file must be left as it was")
        #expect(
            !FileManager.default.fileExists(atPath: daemon.socketPath)
                || (try? RulesE2EClient(path: daemon.socketPath)) == nil)
    }

    /// A state dir on storage that became read-only: changes get -32005, reads keep working.
    ///
    /// The kernel refuses to remount a file system read-only while a process has a file there
    /// open for writing (EBUSY), so socd is stopped for the remount and started again on it.
    @Test func readOnlyStorageRefusesChangesAndKeepsReads() throws {
        let directory = try RulesE2EDirectory()
        guard let mount = try directory.mountTmpfs("ro", kilobytes: 8192) else {
            print("skipped: this process may not mount a tmpfs")
            return
        }
        let daemon = RulesE2EDaemon(
            socketPath: directory.file("socd.sock"), stateDirectory: mount + "/state",
            logPath: directory.file("socd.log"))
        try daemon.start()
        try RulesE2EClient(path: daemon.socketPath).call("rules.add", ["src": "198.51.100.7", "action": "drop"])
        try daemon.stop()
        try directory.remountReadOnly(mount)

        try daemon.start()
        let client = try RulesE2EClient(path: daemon.socketPath)
        let error = try client.error("rules.add", ["src": "198.51.100.8", "action": "drop"])
        #expect(error["code"] == -32005)
        #expect(error["data"]?["kind"] == "storage")
        #expect(try client.error("rules.setPolicy", ["policy": "drop"])["code"] == -32005)
        #expect(try client.call("rules.list")["rules"]?.arrayValue?.map { $0["src"] } == ["198.51.100.7"])
        #expect(try client.call("rules.check", ["src": "198.51.100.7", "dst": "10.0.0.1"])["verdict"] == "DROP")
        try client.call("system.ping")
        try daemon.stop()
    }

    /// A full disk: -32005 for the change, and the daemon carries on (and recovers once there
    /// is room again).
    @Test func aFullDiskRefusesChangesAndTheDaemonStaysHealthy() throws {
        let directory = try RulesE2EDirectory()
        guard let mount = try directory.mountTmpfs("full", kilobytes: 2048) else {
            print("skipped: this process may not mount a tmpfs")
            return
        }
        let daemon = RulesE2EDaemon(
            socketPath: directory.file("socd.sock"), stateDirectory: mount + "/state",
            logPath: directory.file("socd.log"))
        try daemon.start()
        let client = try RulesE2EClient(path: daemon.socketPath)
        try client.call("rules.add", ["src": "198.51.100.7", "action": "drop"])
        // Fill the file system to the last byte.
        let filler = mount + "/filler"
        FileManager.default.createFile(atPath: filler, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: filler))
        let block = Data(count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()

        // SQLite reuses WAL pages it already has, so the first writes may still fit: keep adding
        // (with long comments) until storage runs out; it must within a bounded number.
        var failure: JSONValue?
        for n in 0..<2000 {
            let comment = String(repeating: "x", count: 250)
            let reply = try client.reply(
                "rules.add",
                ["src": .string("10.\(n / 250).\(n % 250).1"), "action": "drop", "comment": .string(comment)])
            if let error = reply["error"] {
                failure = error
                break
            }
        }
        let error = try #require(failure, "no write failed on a full file system")
        #expect(error["code"] == -32005, "\(error)")
        #expect(error["data"]?["kind"] == "storage")
        try client.call("system.ping")
        let listed = try client.call("rules.list", ["limit": 1])
        #expect(listed["rules"]?.arrayValue?.first?["src"] == "198.51.100.7")

        try FileManager.default.removeItem(atPath: filler)
        try client.call("rules.add", ["src": "192.0.2.200", "action": "drop"])
        #expect(try client.call("rules.list", ["src": "192.0.2.200"])["total"] == 1)
        #expect(try daemon.stop() == 0)
    }

    @Test(.enabled(if: sqliteAvailable)) func backupWritesAConsistentCopyAndNeverOverwrites() throws {
        let directory = try RulesE2EDirectory()
        let daemon = directory.daemon()
        try daemon.start()
        let client = try RulesE2EClient(path: daemon.socketPath)
        try client.call(
            "rules.addMany", ["rules": .array((1...50).map { ["src": .string("198.51.100.\($0)"), "action": "drop"] })])
        let path = directory.file("backup.db")
        let result = try client.call("system.backup", ["path": .string(path)])
        #expect(result["path"]?.stringValue == path)
        #expect(result["bytes"]?.intValue ?? 0 > 0)
        #expect(try RulesE2EDirectory.sqlite(path, "PRAGMA integrity_check") == "ok")
        #expect(try RulesE2EDirectory.sqlite(path, "SELECT COUNT(*) FROM firewall_rules") == "50")
        let again = try client.error("system.backup", ["path": .string(path)])
        #expect(again["code"] == -32002)
        #expect(again["data"]?["kind"] == "conflict")
        #expect(try RulesE2EDirectory.sqlite(path, "SELECT COUNT(*) FROM firewall_rules") == "50")
        try daemon.stop()
    }

    /// A rule table with every shape the exporters handle, and a REJECT policy.
    static func seedForExport(_ client: RulesE2EClient) throws {
        let specs: [JSONValue] = [
            ["src": "198.51.100.7", "dst": "10.0.0.10", "dport": 80, "action": "drop", "comment": #"room "attacker""#],
            ["src": "198.51.100.0/24", "sport": "1000-2000", "proto": "tcp", "action": "reject"],
            ["dst": "10.0.0.0/8", "dport": 53, "proto": "udp", "action": "accept", "comment": "DNS ✓"],
            ["src": "203.0.113.5", "dport": "8000-8080", "action": "drop"],
            ["src": "192.0.2.1", "proto": "icmp", "action": "drop"],
            ["proto": "tcp", "action": "accept"],
            ["action": "drop", "comment": "everything else"],
        ]
        for spec in specs { try client.call("rules.add", spec) }
        try client.call("rules.setPolicy", ["policy": "reject"])
    }

    @Test func theNftExportPassesNftCheck() throws {
        var probe = ""
        let nft = "/usr/sbin/nft"
        guard FileManager.default.isExecutableFile(atPath: nft),
            try RulesE2EDirectory.run(nft, ["-c", "-f", "-"], input: "table inet socd_probe\n", output: &probe) == 0
        else {
            print("skipped: nft cannot run here (\(probe.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        let directory = try RulesE2EDirectory()
        let daemon = directory.daemon()
        try daemon.start()
        let client = try RulesE2EClient(path: daemon.socketPath)
        try Self.seedForExport(client)
        let script = try #require(try client.call("rules.export", ["format": "nft"])["content"]?.stringValue)
        try script.write(toFile: directory.file("rules.nft"), atomically: true, encoding: .utf8)
        var output = ""
        let status = try RulesE2EDirectory.run(nft, ["-c", "-f", directory.file("rules.nft")], output: &output)
        #expect(status == 0, "nft -c -f refused the export:\n\(output)\n\(script)")
        try daemon.stop()
    }

    @Test func theIptablesRestoreExportPassesItsTest() throws {
        let tool = "/usr/sbin/iptables-restore"
        var probe = ""
        guard FileManager.default.isExecutableFile(atPath: tool),
            try RulesE2EDirectory.run(
                tool, ["--test"], input: "*filter\n:FORWARD ACCEPT [0:0]\nCOMMIT\n", output: &probe)
                == 0
        else {
            print(
                "skipped: iptables-restore cannot run here (\(probe.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        let directory = try RulesE2EDirectory()
        let daemon = directory.daemon()
        try daemon.start()
        let client = try RulesE2EClient(path: daemon.socketPath)
        try Self.seedForExport(client)
        let script = try #require(
            try client.call("rules.export", ["format": "iptables-restore"])["content"]?.stringValue)
        var output = ""
        let status = try RulesE2EDirectory.run(tool, ["--test"], input: script, output: &output)
        #expect(status == 0, "iptables-restore --test refused the export:\n\(output)\n\(script)")
        try daemon.stop()
    }
}
