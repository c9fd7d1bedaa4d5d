import Glibc
import SocPOSIX
import Synchronization

/// The clock thread's handle, its stop flag, and what it sleeps on between ticks.
final class SimulationClockControl: Sendable {
    let stopping = Atomic<Bool>(false)
    let thread = Mutex<PosixThread?>(nil)
    /// Signalled when the clock must stop, so that its sleep (up to 100 ms) ends at once and a
    /// SIGTERM does not wait for it. Nil if no eventfd could be made: the clock then sleeps out.
    private let wakeup = try? EventFD()

    deinit {
        try? wakeup?.close()
    }

    /// Sleeps `milliseconds`, or less if `wake()` is called.
    func sleep(milliseconds: Int64) {
        guard let wakeup else {
            usleep(UInt32(milliseconds * 1000))
            return
        }
        _ = try? wakeup.fileDescriptor.waitUntilReadable(timeoutMilliseconds: Int32(clamping: milliseconds))
    }

    /// Ends the current and every later `sleep` at once (the clock is stopping).
    func wake() {
        try? wakeup?.signal()
    }
}
