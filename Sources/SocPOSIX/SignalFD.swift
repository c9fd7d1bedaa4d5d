import CSocShims
import Glibc

/// Receives signals as readable data (signalfd(2)) instead of through a handler, so the
/// event loop handles SIGTERM like any other input.
///
/// `init` blocks the signals in the calling thread: create it in `main` before any thread
/// starts, so every thread inherits the mask and the signals can only arrive here.
/// Nonblocking and close-on-exec; one owner calls `close()`.
package struct SignalFD: Sendable, Hashable {
    /// A signal taken from the descriptor.
    package struct ReceivedSignal: Sendable, Hashable {
        /// The signal number, e.g. `SIGTERM`.
        package var signal: Int32
        /// The process that sent it (0 for signals the kernel raised).
        package var senderPID: pid_t
        package var senderUID: uid_t
    }

    package let fileDescriptor: FileDescriptor
    /// The signals this descriptor receives (and that were blocked).
    package let signals: [Int32]

    package init(signals: [Int32]) throws(SystemError) {
        try Signals.block(signals)
        let raw = try signals.withUnsafeBufferPointer { (buffer) throws(SystemError) in
            try syscall("signalfd") {
                CSocShims_signalfd(
                    buffer.baseAddress, Int32(buffer.count), CSocShims_SFD_NONBLOCK | CSocShims_SFD_CLOEXEC)
            }
        }
        fileDescriptor = FileDescriptor(rawValue: raw)
        self.signals = signals
    }

    /// Takes one pending signal; `nil` when none is pending.
    package func read() throws(SystemError) -> ReceivedSignal? {
        var info = CSocShims_SignalInfo()
        let descriptor = fileDescriptor.rawValue
        switch try nonblockingSyscall("read(signalfd)", { CSocShims_signalfd_read(descriptor, &info) }) {
        case .done:
            return ReceivedSignal(signal: info.signal, senderPID: info.sender_pid, senderUID: info.sender_uid)
        case .wouldBlock:
            return nil
        }
    }

    /// Closes the descriptor. The signals stay blocked; `Signals.unblock` them if wanted.
    package func close() throws(SystemError) {
        try fileDescriptor.close()
    }
}
