import Glibc

/// A closure running on a POSIX thread of its own, whose result `join()` collects: the store's
/// start-up work that runs beside the caller (the integrity check, reading rows ahead of the
/// rule-set build).
///
/// `join()` exactly once.
final class JoinableThread<Result: Sendable>: Sendable {
    private let box = ResultBox<Result>()
    private let thread: pthread_t

    /// Starts `body` on a new thread.
    init(body: @escaping @Sendable () -> Result) throws {
        let box = box
        thread = try startThread { box.result = body() }
    }

    /// Waits for the thread to finish and returns what `body` returned.
    func join() -> Result {
        pthread_join(thread, nil)
        return box.result!
    }
}

private final class ResultBox<Result>: @unchecked Sendable {
    // @unchecked Sendable: `result` is written only by the started thread and read only after
    // pthread_join returned, which orders the two.
    var result: Result?
}

/// What a new thread runs.
private final class ThreadStart {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// Starts a joinable thread running `run`. Outside any generic context: the C entry point
/// cannot be generic.
private func startThread(_ run: @escaping @Sendable () -> Void) throws -> pthread_t {
    let start = Unmanaged.passRetained(ThreadStart(run))
    var thread = pthread_t()
    let code = pthread_create(
        &thread, nil,
        { context in
            Unmanaged<ThreadStart>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, start.toOpaque())
    guard code == 0 else {
        start.release()
        throw DatabaseError.misuse("cannot start a thread: \(String(cString: strerror(code)))")
    }
    return thread
}
