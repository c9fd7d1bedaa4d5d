import Glibc

/// State guarded by a pthread mutex, with a condition variable to wait for it to change.
///
/// `Synchronization.Mutex` cannot wait, and the writer thread must sleep until work arrives.
final class ConditionLock<State>: @unchecked Sendable {
    // @unchecked Sendable: `state` is read and written only between pthread_mutex_lock and
    // pthread_mutex_unlock on `mutex` (withLock, wait), so no two threads touch it at once.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var state: State

    init(_ state: State) {
        self.state = state
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
        precondition(pthread_cond_init(condition, nil) == 0, "pthread_cond_init failed")
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }

    /// Sleeps until `isReady(state)` holds, then runs `body` with the lock still held.
    func wait<R>(until isReady: (State) -> Bool, then body: (inout State) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !isReady(state) { pthread_cond_wait(condition, mutex) }
        return try body(&state)
    }

    /// Wakes every waiter; call after changing the state in `withLock`.
    func broadcast() {
        pthread_cond_broadcast(condition)
    }
}
