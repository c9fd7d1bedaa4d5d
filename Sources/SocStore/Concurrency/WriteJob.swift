/// A job queued on the `StoreWriter`, with its type erased so one queue holds them all.
protocol WriteJob: AnyObject, Sendable {
    /// Runs the work in its own savepoint inside the batch's transaction; returns its error, if any.
    func run(in db: Database) -> (any Error)?
    /// Replaces a success with `error`: the transaction that held the job's changes did not commit.
    func discardSuccess(because error: any Error)
    /// Records `error` as the outcome of a job that never ran.
    func fail(_ error: any Error)
    /// Hands the outcome to the submitter. Called exactly once, after the batch's COMMIT returned.
    func complete()
}

/// A job and, once it ran, its outcome.
final class PendingWrite<T: Sendable>: WriteJob, @unchecked Sendable {
    // @unchecked Sendable: the submitting thread creates the job and hands it to the queue under
    // its lock; from then on only the writer thread touches `outcome`.
    private let work: @Sendable (Database) throws -> T
    private let completion: @Sendable (Result<T, any Error>) -> Void
    private var outcome: Result<T, any Error>?

    init(
        work: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        self.work = work
        self.completion = completion
    }

    func run(in db: Database) -> (any Error)? {
        do {
            outcome = .success(try db.savepoint { try work(db) })
            return nil
        } catch {
            outcome = .failure(error)
            return error
        }
    }

    func discardSuccess(because error: any Error) {
        if case .success = outcome { outcome = .failure(error) }
    }

    func fail(_ error: any Error) {
        outcome = .failure(error)
    }

    func complete() {
        guard let outcome else { preconditionFailure("a write job completed before it ran") }
        completion(outcome)
    }
}
