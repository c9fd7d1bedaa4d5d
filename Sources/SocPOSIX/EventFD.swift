import CSocShims
import Glibc

/// A counter in the kernel that one thread bumps to wake another out of `Epoll.wait`
/// (eventfd(2)): register `fileDescriptor` for `.readable`, call `signal()` from anywhere,
/// and `drain()` in the waiting thread once it wakes.
///
/// Nonblocking and close-on-exec. A value type over the descriptor; one owner calls `close()`.
package struct EventFD: Sendable, Hashable {
    package let fileDescriptor: FileDescriptor

    package init() throws(SystemError) {
        let raw = try syscall("eventfd") {
            CSocShims_eventfd(0, CSocShims_EFD_NONBLOCK | CSocShims_EFD_CLOEXEC)
        }
        fileDescriptor = FileDescriptor(rawValue: raw)
    }

    /// Makes the descriptor readable. Safe from any thread; signals before a `drain()` merge.
    package func signal() throws(SystemError) {
        var one: UInt64 = 1
        let descriptor = fileDescriptor.rawValue
        // "Would block" means the counter is at its maximum: the reader is already woken.
        _ = try nonblockingSyscall("write(eventfd)") { Glibc.write(descriptor, &one, MemoryLayout<UInt64>.size) }
    }

    /// Resets the counter so the descriptor stops being readable.
    /// - Returns: how many `signal()`s arrived since the last drain (0 when none).
    @discardableResult
    package func drain() throws(SystemError) -> UInt64 {
        var count: UInt64 = 0
        let descriptor = fileDescriptor.rawValue
        switch try nonblockingSyscall("read(eventfd)", { Glibc.read(descriptor, &count, MemoryLayout<UInt64>.size) }) {
        case .done:
            return count
        case .wouldBlock:
            return 0
        }
    }

    package func close() throws(SystemError) {
        try fileDescriptor.close()
    }
}
