import Dispatch
import SocStore
import Synchronization
import Testing

@Suite final class StoreWriterTests: Sendable {
    struct Rejected: Error, Equatable { let index: Int }

    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        var options = StoreOptions()
        options.migrations =
            SocdSchema.migrations + [
                Migration(name: "test_items") { db in try db.execute("CREATE TABLE items(n INTEGER NOT NULL UNIQUE)") }
            ]
        store = try Store.open(stateDirectory: directory.path, options: options)
    }

    deinit { store.close() }

    private func storedItems() throws -> [Int] {
        try store.read { db in try db.query("SELECT n FROM items ORDER BY n") { try $0[0] } }
    }

    @Test func sixteenConcurrentSubmittersOneThrowsTheOthersLand() throws {
        let results = Collector<(Int, Result<Int64, any Error>)>()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let done = DispatchSemaphore(value: 0)
            store.submit({ db -> Int64 in
                try db.execute("INSERT INTO items(n) VALUES (?)", index)
                if index == 7 { throw Rejected(index: index) }  // after its insert: the savepoint must undo it
                return db.lastInsertRowID
            }) { result in
                results.append((index, result))
                done.signal()
            }
            done.wait()
        }
        let outcomes = results.values
        #expect(outcomes.count == 16)
        for (index, result) in outcomes {
            switch result {
            case .success: #expect(index != 7)
            case .failure(let error): #expect(index == 7 && (error as? Rejected) == Rejected(index: 7))
            }
        }
        #expect(try storedItems() == (0..<16).filter { $0 != 7 })
    }

    @Test func queuedJobsShareOneTransactionAndAFailingJobRollsBackAlone() throws {
        // Hold the writer on a first job until fifteen more are queued: they then form one batch.
        let store = store  // completions run on the writer thread and must not own the suite
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let results = Collector<(Int, Bool, Int)>()
        let allDone = DispatchGroup()
        allDone.enter()
        store.submit({ db -> Int in
            started.signal()
            release.wait()
            return Int(try db.scalar("SELECT count(*) FROM items") ?? -1)
        }) { _ in allDone.leave() }
        started.wait()
        for index in 0..<15 {
            allDone.enter()
            store.submit({ db -> Int in
                try db.execute("INSERT INTO items(n) VALUES (?)", index % 5 == 3 ? 3 : index)  // 3, 8, 13 collide
                return db.changes
            }) { result in
                // Still inside the batch's completions: every job of the batch committed together.
                let visible = (try? store.read { db in try db.scalar("SELECT count(*) FROM items") as Int? }) ?? nil
                results.append((index, (try? result.get()) != nil, visible ?? -1))
                allDone.leave()
            }
        }
        release.signal()
        allDone.wait()
        let outcomes = results.values.sorted { $0.0 < $1.0 }
        #expect(outcomes.map(\.0) == Array(0..<15))
        #expect(outcomes.filter { !$0.1 }.map(\.0) == [8, 13])  // the later duplicates of 3
        #expect(try storedItems() == [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14])
        // Each completion already saw all 13 rows from another connection: completions follow COMMIT.
        #expect(outcomes.allSatisfy { $0.2 == 13 })
        // The blocking job's own transaction, then one for all fifteen queued behind it.
        #expect(store.writerStatistics == StoreWriter.Statistics(transactions: 2, jobs: 16))
    }

    @Test func jobThatEndsTheTransactionFailsItsPredecessorsAndTheRestRunAgain() throws {
        // What SQLite does on some disk-full and I/O errors: roll back the whole transaction.
        let store = store
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let results = Collector<(Int, String?)>()
        let group = DispatchGroup()
        group.enter()
        store.submit({ _ in
            started.signal()
            release.wait()
        }) { _ in group.leave() }
        started.wait()
        for index in 1...3 {
            group.enter()
            store.submit({ db in
                try db.execute("INSERT INTO items(n) VALUES (?)", index)
                if index == 2 {
                    try db.execute("ROLLBACK")
                    throw Rejected(index: 2)
                }
            }) { result in
                if case .failure(let error) = result {
                    results.append((index, "\(error)"))
                } else {
                    results.append((index, nil))
                }
                group.leave()
            }
        }
        release.signal()
        group.wait()
        let outcomes = results.values.sorted { $0.0 < $1.0 }
        #expect(outcomes.map(\.0) == [1, 2, 3])
        #expect(outcomes[0].1?.contains("rolled back by a failure in the same batch") == true)
        #expect(outcomes[1].1?.contains("Rejected") == true)
        #expect(outcomes[2].1 == nil)
        #expect(try storedItems() == [3])
    }

    @Test func completionRunsOnlyAfterTheChangeIsVisibleToOtherConnections() throws {
        let path = store.path
        let sightings = Collector<Int?>()
        let group = DispatchGroup()
        for index in 0..<50 {
            group.enter()
            store.submit({ db in try db.execute("INSERT INTO items(n) VALUES (?)", index) }) { _ in
                // A fresh connection, not the pool: it can only see what COMMIT made durable in the WAL.
                let probe = try? Fixtures.openDatabase(path, access: .readOnly)
                sightings.append(try? probe?.scalar("SELECT n FROM items WHERE n = ?", index))
                group.leave()
            }
        }
        group.wait()
        #expect(sightings.values.count == 50)
        #expect(sightings.values.allSatisfy { $0 != nil })
    }

    @Test func writeWaitsAndRethrows() throws {
        let id = try store.write { db -> Int64 in
            try db.execute("INSERT INTO items(n) VALUES (1)")
            return db.lastInsertRowID
        }
        #expect(id == 1)
        #expect(throws: Rejected.self) { try store.write { _ in throw Rejected(index: 1) } }
        let error = try #require(throws: DatabaseError.self) {
            try store.write { db in try db.execute("INSERT INTO items(n) VALUES (1)") }
        }
        #expect(error.isConstraintViolation)
    }

    @Test func closeDrainsQueuedJobsThenRefusesNewOnes() throws {
        let completed = Atomic<Int>(0)
        let release = DispatchSemaphore(value: 0)
        store.submit({ _ in release.wait() }) { _ in completed.add(1, ordering: .relaxed) }
        for index in 0..<100 {
            store.submit({ db in try db.execute("INSERT INTO items(n) VALUES (?)", index) }) { result in
                if case .success = result { completed.add(1, ordering: .relaxed) }
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { release.signal() }
        store.close()
        #expect(completed.load(ordering: .relaxed) == 101)

        let late = Collector<String>()
        store.submit({ _ in 1 }) { result in
            if case .failure(let error) = result { late.append("\(error)") }
        }
        #expect(late.values.count == 1)
        #expect(late.values.first?.contains("closed") == true)
        store.close()  // twice is fine

        let reopened = try Store.open(
            stateDirectory: directory.path,
            options: {
                var options = StoreOptions()
                options.migrations = SocdSchema.migrations + [Migration(name: "test_items") { _ in }]
                return options
            }())
        defer { reopened.close() }
        #expect(try reopened.read { db in try db.scalar("SELECT count(*) FROM items") as Int? } == 100)
    }

    @Test func writerRunsWithSynchronousFull() throws {
        #expect(try store.write { db in try db.scalar("PRAGMA synchronous") as Int? } == 2)
        #expect(try store.write { db in try db.scalar("PRAGMA journal_mode") as String? } == "wal")
    }
}

/// A writer that polls for its next job after each batch (socd's `--busy-poll`) must behave
/// exactly as one that sleeps at once: every job lands, in order, and closing ends the thread.
@Suite struct PollingStoreWriterTests {
    private func openStore(in directory: TemporaryDirectory, pollNanoseconds: UInt64) throws -> Store {
        var options = StoreOptions()
        options.writerPollNanoseconds = pollNanoseconds
        options.migrations =
            SocdSchema.migrations + [
                Migration(name: "test_items") { db in try db.execute("CREATE TABLE items(n INTEGER NOT NULL UNIQUE)") }
            ]
        return try Store.open(stateDirectory: directory.path, options: options)
    }

    @Test(arguments: [UInt64(0), 200_000, 5_000_000])
    func sequentialAndConcurrentJobsLandWhetherTheWriterPollsOrSleeps(pollNanoseconds: UInt64) throws {
        let directory = try TemporaryDirectory()
        let store = try openStore(in: directory, pollNanoseconds: pollNanoseconds)
        // One at a time: each job arrives while the writer is polling after the previous one.
        for index in 0..<200 {
            try store.write { db in try db.execute("INSERT INTO items(n) VALUES (?)", index) }
        }
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in 0..<25 {
                try? store.write { db in try db.execute("INSERT INTO items(n) VALUES (?)", 1_000 + worker * 25 + index)
                }
            }
        }
        let count = try store.read { db in try db.scalar("SELECT count(*) FROM items") as Int? }
        #expect(count == 400)
        let closing = ContinuousClock.now
        store.close()
        // A polling writer notices the close like a sleeping one (at worst after its poll).
        #expect(ContinuousClock.now - closing < .seconds(2))
    }
}
