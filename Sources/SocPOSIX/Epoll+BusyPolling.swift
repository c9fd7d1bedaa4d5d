import Glibc

extension Epoll {
    /// Waits like `wait(timeoutMilliseconds:_:)`, but first polls without sleeping for up to
    /// `pollNanoseconds`, yielding the CPU between empty polls.
    ///
    /// A thread that sleeps in `epoll_wait` is woken by an inter-processor interrupt, and on a
    /// virtual machine whose idle vCPUs halt (no guest halt-polling) that wake-up costs tens of
    /// microseconds: more than a whole request. Polling for a moment after activity keeps the
    /// vCPU running for the next request of a conversation, as the kernel's own haltpoll and
    /// `SO_BUSY_POLL` do. `sched_yield` between polls hands the CPU to any thread that is ready
    /// to run, so polling takes time only from an otherwise idle CPU.
    ///
    /// Returns the number of events handled, as `wait` does.
    package func wait<Failure: Error>(
        timeoutMilliseconds: Int32, afterPollingFor pollNanoseconds: UInt64,
        _ handle: (EpollEvent) throws(Failure) -> Void
    ) throws -> Int {
        if pollNanoseconds > 0 {
            let deadline = MonotonicClock.now &+ pollNanoseconds
            repeat {
                let count = try wait(timeoutMilliseconds: 0, handle)
                if count > 0 { return count }
                sched_yield()
            } while MonotonicClock.now < deadline
        }
        return try wait(timeoutMilliseconds: timeoutMilliseconds, handle)
    }
}
