import SocPOSIX
import Synchronization

/// The clock thread's handle and its stop flag.
final class SimulationClockControl: Sendable {
    let stopping = Atomic<Bool>(false)
    let thread = Mutex<PosixThread?>(nil)
}
