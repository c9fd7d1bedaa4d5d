import Dispatch
import Foundation
import SocStore
import Synchronization
import Testing

@Suite final class BackupTests: Sendable {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store.open(stateDirectory: directory.file("state"))
    }

    deinit { store.close() }

    @Test func backupIsAConsistentSnapshotWhileWritesContinue() throws {
        // Every job appends a pair of records; a torn copy would hold an odd number.
        try store.write { db in
            for index in 0..<2_000 { try AuditTrail.append(Fixtures.auditRecord("seed", at: Int64(index)), in: db) }
        }
        let stop = Atomic<Bool>(false)
        let writing = DispatchGroup()
        DispatchQueue.global().async(group: writing) { [store] in
            var index: Int64 = 0
            while !stop.load(ordering: .relaxed) {
                index += 1
                let time = index
                _ = try? store.write { db in
                    try AuditTrail.append(Fixtures.auditRecord("pair", at: time), in: db)
                    try AuditTrail.append(Fixtures.auditRecord("pair", at: time), in: db)
                }
            }
        }
        func storedPairs() throws -> Int {
            try store.read { db in try db.scalar("SELECT count(*) FROM audit WHERE method = 'pair'") ?? 0 }
        }
        var counts: [Int] = []
        for number in 0..<3 {
            // Back up only once the writer has moved on since the last copy: writes really overlap.
            let previous = counts.last ?? 0
            while try storedPairs() <= previous { usleep(1_000) }
            let destination = directory.file("backup-\(number).db")
            try store.backup(to: destination)
            let copy = try Fixtures.openDatabase(destination, access: .readOnly)
            #expect(try copy.query("PRAGMA integrity_check") { try $0[0] as String } == ["ok"])
            let pairs = try copy.scalar("SELECT count(*) FROM audit WHERE method = 'pair'") as Int? ?? -1
            #expect(pairs % 2 == 0)
            #expect(try copy.scalar("SELECT count(*) FROM audit WHERE method = 'seed'") == 2_000)
            counts.append(pairs)
        }
        stop.store(true, ordering: .relaxed)
        writing.wait()
        #expect(counts == counts.sorted())

        // A backup is a state directory's worth of data: it opens as a store with the same schema.
        let restored = directory.file("restored")
        try FileManager.default.createDirectory(atPath: restored, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: directory.file("backup-0.db"), toPath: restored + "/socd.db")
        let reopened = try Store.open(stateDirectory: restored)
        defer { reopened.close() }
        #expect(try reopened.listAudit(AuditQuery(method: "seed", limit: 10_000)).count == 2_000)
    }

    @Test func backupNeverOverwritesAnExistingFile() throws {
        let destination = directory.file("taken.db")
        let original: [UInt8] = Array("precious".utf8)
        try TemporaryDirectory.write(original, to: destination)
        let error = try #require(throws: DatabaseError.self) { try store.backup(to: destination) }
        #expect(error.description.contains(destination))
        #expect(error.message.contains("File exists"))
        #expect(try TemporaryDirectory.bytes(of: destination) == original)
    }
}
