import CSocShims
import Glibc

/// A POSIX thread running a closure: for the blocking loops socd keeps off the Swift
/// concurrency pool (the epoll loop, the signal loop, per-connection workers).
///
/// Join a joinable thread exactly once; a detached thread cleans up after itself and cannot
/// be joined.
package struct PosixThread: Sendable {
    private let handle: pthread_t
    /// Whether `join()` may be called; false for detached threads.
    package let isJoinable: Bool

    /// The closure and name handed to the new thread, retained across pthread_create.
    private final class Start {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }

    private init(handle: pthread_t, isJoinable: Bool) {
        self.handle = handle
        self.isJoinable = isJoinable
    }

    /// Starts a thread that sets its name (truncated to the 15 bytes Linux keeps, and shown
    /// by `top -H`, `ps -L` and debuggers) and then runs `body`.
    package static func spawn(
        name: String, detached: Bool = false, body: @escaping @Sendable () -> Void
    ) throws(SystemError) -> PosixThread {
        var attributes = pthread_attr_t()
        try pthreadCall("pthread_attr_init") { pthread_attr_init(&attributes) }
        defer { pthread_attr_destroy(&attributes) }
        if detached {
            try pthreadCall("pthread_attr_setdetachstate") {
                pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
            }
        }
        let start = Unmanaged.passRetained(Start(name: name, body: body))
        var handle = pthread_t()
        do throws(SystemError) {
            try pthreadCall("pthread_create") {
                pthread_create(
                    &handle, &attributes,
                    { argument in
                        let start = Unmanaged<Start>.fromOpaque(argument!).takeRetainedValue()
                        _ = CSocShims_set_current_thread_name(start.name)
                        start.body()
                        return nil
                    }, start.toOpaque())
            }
        } catch {
            start.release()
            throw error
        }
        return PosixThread(handle: handle, isJoinable: !detached)
    }

    /// Waits for the thread to finish. Call once, from another thread, and only on a joinable thread.
    package func join() throws(SystemError) {
        precondition(isJoinable, "join() on a detached thread")
        try pthreadCall("pthread_join") { pthread_join(handle, nil) }
    }

    /// The calling thread's name as the kernel keeps it.
    package static var currentName: String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 16) { buffer in
            guard CSocShims_get_current_thread_name(buffer.baseAddress!, buffer.count) == 0 else {
                return ""
            }
            return String(cString: buffer.baseAddress!)
        }
    }
}
