import CSocShims
import Glibc

/// Signal dispositions and masks.
///
/// The mask calls act on the calling thread only; threads created afterwards inherit it.
/// That is why socd blocks the signals it handles in `main`, before starting any thread:
/// then no thread can be interrupted by them and they wait for a `SignalFD`.
package enum Signals {
    /// Ignores `signal` in the whole process. socd ignores SIGPIPE once at startup, as a
    /// second line of defence behind `MSG_NOSIGNAL`.
    package static func ignore(_ signal: Int32) throws(SystemError) {
        try syscall("sigaction") { CSocShims_ignore_signal(signal) }
    }

    /// Whether `signal` is currently ignored (SIG_IGN) in this process.
    package static func isIgnored(_ signal: Int32) throws(SystemError) -> Bool {
        try syscall("sigaction") { CSocShims_is_signal_ignored(signal) } == 1
    }

    /// Blocks `signals` in the calling thread: they stay pending instead of being delivered.
    package static func block(_ signals: [Int32]) throws(SystemError) {
        try signals.withUnsafeBufferPointer { (buffer) throws(SystemError) in
            _ = try syscall("pthread_sigmask(SIG_BLOCK)") {
                CSocShims_block_signals(buffer.baseAddress, Int32(buffer.count))
            }
        }
    }

    /// Unblocks `signals` in the calling thread; any that are pending are delivered at once.
    package static func unblock(_ signals: [Int32]) throws(SystemError) {
        try signals.withUnsafeBufferPointer { (buffer) throws(SystemError) in
            _ = try syscall("pthread_sigmask(SIG_UNBLOCK)") {
                CSocShims_unblock_signals(buffer.baseAddress, Int32(buffer.count))
            }
        }
    }

    /// Whether `signal` is pending for the calling thread or the process.
    package static func isPending(_ signal: Int32) throws(SystemError) -> Bool {
        try syscall("sigpending") { CSocShims_is_signal_pending(signal) } == 1
    }
}
