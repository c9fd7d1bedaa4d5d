import CSQLite
import Dispatch
import Foundation
import SocStore
import Testing

/// Read-only and full storage, made real with a small tmpfs (see `MountedFileSystem` for why).
@Suite(.enabled(if: MountedFileSystem.isAvailable, "needs permission to mount a tmpfs"))
struct StorageFailureTests {
    @Test func readOnlyFileSystemGivesAReadOnlyStoreThatRefusesWrites() throws {
        let directory = try TemporaryDirectory()
        let mount = try MountedFileSystem(at: directory.file("mnt"), sizeKilobytes: 4_096)
        defer { mount.unmount() }
        let state = mount.path + "/state"
        let writable = try Store.open(stateDirectory: state)
        let id = try writable.write { db in try AuditTrail.append(Fixtures.auditRecord("rules.add"), in: db) }
        writable.close()
        try mount.remountReadOnly()

        let store = try Store.open(stateDirectory: state)
        defer { store.close() }
        #expect(store.isReadOnly)
        let reason = try #require(store.readOnlyReason)
        #expect(reason.isStorageFailure)
        #expect(reason.path == store.path)

        // Reads keep working.
        #expect(try store.listAudit().map(\.id) == [id])
        #expect(try store.setting("missing") == nil)
        #expect(try store.integrityCheck() == ["ok"])

        // Every kind of write fails with a storage error, and says why.
        let failures = Collector<any Error>()
        let done = DispatchGroup()
        done.enter()
        store.appendAudit(Fixtures.auditRecord("rules.delete")) { result in
            if case .failure(let error) = result { failures.append(error) }
            done.leave()
        }
        done.enter()
        store.setSetting("k", "v") { result in
            if case .failure(let error) = result { failures.append(error) }
            done.leave()
        }
        done.wait()
        #expect(throws: DatabaseError.self) { try store.write { _ in 1 } }
        #expect(failures.values.count == 2)
        for error in failures.values {
            let storage = try #require(error as? DatabaseError)
            #expect(storage.isStorageFailure)
            #expect(storage.resultCode == SQLITE_READONLY)
            #expect(storage.description.contains(store.path))
            #expect(storage.message.contains("read-only"))
        }
        #expect(try store.listAudit().count == 1)
        // Backups are reads too, but their destination here is read-only.
        let backupError = try #require(throws: DatabaseError.self) { try store.backup(to: mount.path + "/copy.db") }
        #expect(backupError.isStorageFailure)
    }

    @Test func readOnlyFileSystemWithoutADatabaseIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let mount = try MountedFileSystem(at: directory.file("mnt"), sizeKilobytes: 1_024)
        defer { mount.unmount() }
        try FileManager.default.createDirectory(atPath: mount.path + "/state", withIntermediateDirectories: false)
        try mount.remountReadOnly()
        let error = try #require(throws: DatabaseError.self) { try Store.open(stateDirectory: mount.path + "/state") }
        #expect(error.isStorageFailure)
        #expect(error.description.contains(mount.path + "/state/socd.db"))
    }

    @Test func fullDiskFailsWritesWithAStorageErrorWhileReadsGoOn() throws {
        let directory = try TemporaryDirectory()
        let mount = try MountedFileSystem(at: directory.file("mnt"), sizeKilobytes: 512)
        defer { mount.unmount() }
        let store = try Store.open(stateDirectory: mount.path + "/state")
        defer { store.close() }
        // Room the test can give back once the disk is full.
        let ballast = mount.path + "/ballast"
        try TemporaryDirectory.write([UInt8](repeating: 7, count: 96 * 1024), to: ballast)

        let bulky = String(repeating: "x", count: 8 * 1024)
        var stored = 0
        var failure: DatabaseError?
        while failure == nil && stored < 1_000 {
            do {
                try store.write { db in
                    var record = Fixtures.auditRecord("bulk")
                    record.params = bulky
                    try AuditTrail.append(record, in: db)
                }
                stored += 1
            } catch let error as DatabaseError {
                failure = error
            }
        }
        let error = try #require(failure)
        #expect(error.resultCode == SQLITE_FULL)
        #expect(error.isStorageFailure)
        #expect(error.description.contains(store.path))
        #expect(stored > 0)

        // Reads still see every acknowledged write, and nothing else.
        #expect(try store.listAudit(AuditQuery(limit: 10_000)).count == stored)
        // Once space is freed the same store writes again.
        try FileManager.default.removeItem(atPath: ballast)
        _ = try store.write { db in try AuditTrail.append(Fixtures.auditRecord("after"), in: db) }
        #expect(try store.listAudit(AuditQuery(method: "after")).count == 1)
        #expect(try store.integrityCheck() == ["ok"])
    }
}
