import Glibc
import Synchronization

/// The single writer: one dedicated thread that owns the read-write connection and runs queued
/// jobs with group commit.
///
/// The thread takes every queued job (up to `maxBatchSize`) and runs them in one
/// `BEGIN IMMEDIATE … COMMIT`, each in its own savepoint so a job that throws is undone alone.
/// Completions run on the writer thread, in submission order, only after COMMIT returned; with
/// `synchronous=FULL` an acknowledged job is therefore durable against `kill -9` and power loss.
/// If COMMIT fails, every job of the batch gets the commit error.
///
/// Completions must be quick and must not call `write` (which would wait on this very thread);
/// calling `submit` from one is fine. Call `close()` to drain the queue and stop the thread.
package final class StoreWriter: @unchecked Sendable {
    // @unchecked Sendable: `queue` is a ConditionLock; `connection` is used only by the writer
    // thread while it runs, and by `close()` after pthread_join returned; `thread` is written once
    // in `init`, before any other thread can see the writer.
    private let connection: Database
    private let queue = ConditionLock(QueueState())
    private var thread = pthread_t()
    package let maxBatchSize: Int
    /// How long the thread keeps looking for the next job after a batch before it sleeps.
    package let pollNanoseconds: UInt64
    package let path: String
    private let committedTransactions = Atomic<Int>(0)
    private let committedJobs = Atomic<Int>(0)
    /// Run on the writer thread before the first transaction; what it throws fails every job.
    private let gate: (@Sendable () throws -> Void)?

    /// Counts since the writer started, for metrics and for seeing group commit at work.
    package struct Statistics: Sendable, Equatable {
        /// Transactions that committed.
        package var transactions: Int
        /// Jobs whose changes those transactions committed.
        package var jobs: Int

        package init(transactions: Int, jobs: Int) {
            self.transactions = transactions
            self.jobs = jobs
        }
    }

    package var statistics: Statistics {
        Statistics(
            transactions: committedTransactions.load(ordering: .relaxed), jobs: committedJobs.load(ordering: .relaxed))
    }

    private struct QueueState {
        var jobs: [any WriteJob] = []
        var isClosing = false
        var isClosed = false
    }

    /// Starts the writer thread, which takes ownership of `connection` (a read-write `Database`
    /// nobody else may use from now on). With a `gate`, the thread first waits for it: jobs
    /// queue up meanwhile, and if it throws, every job fails with its error and nothing is
    /// written (a background integrity check that has not passed yet).
    ///
    /// After each batch the thread polls the queue for `pollNanoseconds` (yielding the CPU
    /// between looks) before it sleeps: a client that changes things one request at a time
    /// sends its next change a few tens of microseconds after the last reply, and a sleeping
    /// writer woken on an idle, halted CPU costs about that much again.
    package init(
        connection: Database, maxBatchSize: Int = 256, pollNanoseconds: UInt64 = 0,
        gate: (@Sendable () throws -> Void)? = nil
    ) throws {
        precondition(maxBatchSize > 0, "maxBatchSize must be positive")
        self.connection = connection
        self.gate = gate
        self.maxBatchSize = maxBatchSize
        self.pollNanoseconds = pollNanoseconds
        self.path = connection.path
        // The thread keeps the writer alive until its loop ends in `close()`.
        let context = Unmanaged.passRetained(self).toOpaque()
        let code = pthread_create(
            &thread, nil,
            { context in
                let writer = Unmanaged<StoreWriter>.fromOpaque(context!).takeRetainedValue()
                writer.runLoop()
                return nil
            }, context)
        guard code == 0 else {
            Unmanaged<StoreWriter>.fromOpaque(context).release()
            throw DatabaseError(
                extendedResultCode: 1, message: "cannot start the writer thread: \(String(cString: strerror(code)))",
                path: path)
        }
    }

    /// Queues `work`; `completion` later receives its result, or its error, or the error that kept
    /// its batch from committing. `work` runs on the writer thread inside a savepoint: use
    /// `db.savepoint` for nesting, never `db.transaction`.
    package func submit<T: Sendable>(
        _ work: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        let job = PendingWrite(work: work, completion: completion)
        // nil: refused because the writer is closing; true: the queue was empty, so wake the thread.
        let mustWake = queue.withLock { state -> Bool? in
            guard !state.isClosing else { return nil }
            state.jobs.append(job)
            return state.jobs.count == 1
        }
        switch mustWake {
        case nil: completion(.failure(DatabaseError.closed(path: path)))
        case true?: queue.broadcast()
        case false?: break
        }
    }

    /// Submits `work` and waits until it committed (or failed). For startup and tests; request
    /// handlers should `submit` instead of blocking a thread. Must not be called on the writer thread.
    package func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) throws -> T {
        precondition(pthread_equal(pthread_self(), thread) == 0, "StoreWriter.write called from the writer thread")
        let outcome = ConditionLock<Result<T, any Error>?>(nil)
        submit(work) { result in
            outcome.withLock { $0 = result }
            outcome.broadcast()
        }
        return try outcome.wait(until: { $0 != nil }) { $0! }.get()
    }

    /// Runs every job already queued, stops the thread and closes the connection. Jobs submitted
    /// afterwards fail with a "store is closed" error. Waits for a close already in progress.
    package func close() {
        precondition(pthread_equal(pthread_self(), thread) == 0, "StoreWriter.close called from the writer thread")
        let isFirst = queue.withLock { state -> Bool in
            defer { state.isClosing = true }
            return !state.isClosing
        }
        queue.broadcast()
        guard isFirst else {
            queue.wait(until: { $0.isClosed }) { _ in }
            return
        }
        pthread_join(thread, nil)
        connection.close()
        queue.withLock { $0.isClosed = true }
        queue.broadcast()
    }

    // MARK: The writer thread

    private func runLoop() {
        do {
            try gate?()
        } catch {
            while let batch = nextBatch() {
                for job in batch {
                    job.fail(error)
                    job.complete()
                }
            }
            return
        }
        while let batch = nextBatch() {
            var pending = batch[...]
            while !pending.isEmpty { pending = runTransaction(pending) }
        }
    }

    /// Waits for work; returns nil once closing and drained.
    private func nextBatch() -> [any WriteJob]? {
        if pollNanoseconds > 0 {
            let deadline = MonotonicNanoseconds.now() &+ pollNanoseconds
            repeat {
                if let batch = queue.withLock({ state in state.jobs.isEmpty ? nil : takeBatch(&state) }) {
                    return batch
                }
                sched_yield()
            } while MonotonicNanoseconds.now() < deadline
        }
        return queue.wait(until: { !$0.jobs.isEmpty || $0.isClosing }) { state in
            state.jobs.isEmpty ? nil : takeBatch(&state)
        }
    }

    /// Takes up to `maxBatchSize` queued jobs, oldest first; the queue is not empty.
    private func takeBatch(_ state: inout QueueState) -> [any WriteJob] {
        if state.jobs.count <= maxBatchSize {
            defer { state.jobs = [] }
            return state.jobs
        }
        let batch = Array(state.jobs.prefix(maxBatchSize))
        state.jobs.removeFirst(maxBatchSize)
        return batch
    }

    /// Runs `jobs` in one transaction and completes those it ran; returns the jobs it did not get to
    /// because SQLite rolled the transaction back under it (they go into a fresh transaction).
    private func runTransaction(_ jobs: ArraySlice<any WriteJob>) -> ArraySlice<any WriteJob> {
        do {
            try connection.execute("BEGIN IMMEDIATE TRANSACTION")
        } catch {
            for job in jobs {
                job.fail(error)
                job.complete()
            }
            return []
        }
        var ran: [any WriteJob] = []
        ran.reserveCapacity(jobs.count)
        for (offset, job) in zip(jobs.indices, jobs) {
            let failure = job.run(in: connection)
            ran.append(job)
            if let failure, !connection.isInTransaction {
                // A disk-full or I/O error ends the whole transaction, not just the savepoint: the
                // earlier jobs' changes are gone too, and they must not be acknowledged.
                let cause = DatabaseError.transactionRolledBack(by: failure, path: path)
                for earlier in ran { earlier.discardSuccess(because: cause) }
                for finished in ran { finished.complete() }
                return jobs[(offset + 1)...]
            }
        }
        do {
            try connection.execute("COMMIT")
            committedTransactions.add(1, ordering: .relaxed)
            committedJobs.add(ran.count, ordering: .relaxed)
        } catch {
            connection.rollbackIfStillOpen()
            for job in ran { job.discardSuccess(because: error) }
        }
        for job in ran { job.complete() }
        return []
    }
}
