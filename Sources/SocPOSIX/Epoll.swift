import CSocShims
import Glibc
import Synchronization

/// An epoll instance: register descriptors, then wait for any of them to become ready.
///
/// Registration (`add`, `modify`, `remove`) may happen from any thread; the kernel
/// serializes it. `wait` reuses one preallocated event buffer, so only one thread may wait
/// at a time, which is checked: a second concurrent `wait` is a programming error and traps.
/// The epoll descriptor is closed when the instance is deinitialized.
package final class Epoll: @unchecked Sendable {
    // @unchecked: `buffer` is the only mutable state, and it is touched only inside `wait`,
    // which `waiting` admits one thread into at a time.
    package let fileDescriptor: FileDescriptor
    private let buffer: UnsafeMutableBufferPointer<CSocShims_EpollEvent>
    private let waiting = Atomic<Bool>(false)

    /// - Parameter maximumEventsPerWait: how many ready descriptors one `wait` can report;
    ///   more stay ready for the next call.
    package init(maximumEventsPerWait: Int = 256) throws(SystemError) {
        precondition(maximumEventsPerWait > 0 && maximumEventsPerWait <= Int(Int32.max))
        let raw = try syscall("epoll_create1") { CSocShims_epoll_create1(CSocShims_EPOLL_CLOEXEC) }
        fileDescriptor = FileDescriptor(rawValue: raw)
        buffer = .allocate(capacity: maximumEventsPerWait)
        buffer.initialize(repeating: CSocShims_EpollEvent())
    }

    deinit {
        buffer.deallocate()
        try? fileDescriptor.close()
    }

    /// Starts watching `descriptor` for `events`; `userData` comes back with each report.
    package func add(_ descriptor: FileDescriptor, events: EpollEvents, userData: UInt64) throws(SystemError) {
        try control(CSocShims_EPOLL_CTL_ADD, "epoll_ctl(ADD)", descriptor, events, userData)
    }

    /// Changes what `descriptor` is watched for (and re-arms a `oneShot` registration).
    package func modify(_ descriptor: FileDescriptor, events: EpollEvents, userData: UInt64) throws(SystemError) {
        try control(CSocShims_EPOLL_CTL_MOD, "epoll_ctl(MOD)", descriptor, events, userData)
    }

    /// Stops watching `descriptor`. Closing a descriptor also removes it, unless it was duplicated.
    package func remove(_ descriptor: FileDescriptor) throws(SystemError) {
        try control(CSocShims_EPOLL_CTL_DEL, "epoll_ctl(DEL)", descriptor, [], 0)
    }

    /// Waits until at least one registered descriptor is ready or `timeoutMilliseconds`
    /// pass (-1 waits forever, 0 polls), then calls `handle` for each report.
    ///
    /// - Returns: the number of reports, 0 on timeout.
    @discardableResult
    package func wait<Failure: Error>(
        timeoutMilliseconds: Int32, _ handle: (EpollEvent) throws(Failure) -> Void
    ) throws -> Int {
        let (admitted, _) = waiting.compareExchange(expected: false, desired: true, ordering: .acquiring)
        precondition(admitted, "Epoll.wait called from two threads at once")
        defer { waiting.store(false, ordering: .releasing) }

        let base = buffer.baseAddress!
        let capacity = Int32(buffer.count)
        let count = Int(
            try syscall("epoll_wait") {
                CSocShims_epoll_wait(fileDescriptor.rawValue, base, capacity, timeoutMilliseconds)
            })
        for index in 0..<count {
            let raw = buffer[index]
            try handle(EpollEvent(events: EpollEvents(rawValue: raw.events), userData: raw.user_data))
        }
        return count
    }

    private func control(
        _ operation: Int32, _ function: String, _ descriptor: FileDescriptor, _ events: EpollEvents,
        _ userData: UInt64
    ) throws(SystemError) {
        try syscall(function) {
            CSocShims_epoll_ctl(fileDescriptor.rawValue, operation, descriptor.rawValue, events.rawValue, userData)
        }
    }
}
