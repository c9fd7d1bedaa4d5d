import Synchronization

/// Counters every thread updates and `system.status` reads.
package final class ServerMetrics: Sendable {
    package let openConnections = Atomic<Int>(0)
    package let acceptedConnections = Atomic<Int>(0)
    package let requests = Atomic<Int>(0)
    /// Monotonic milliseconds of the last moment there were no connections, for `--exit-idle`.
    package let idleSinceMilliseconds = Atomic<Int64>(0)

    package init() {}
}
