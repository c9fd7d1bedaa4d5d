/// The bounds that keep one client from hurting the others.
package struct ServerLimits: Sendable {
    package var maximumLineBytes: Int
    package var maximumOutputBytes: Int
    package var maximumConnections: Int
    /// Bytes read per wakeup before the loop serves other connections.
    package var readBudgetBytes = 256 << 10
    /// How long a loop keeps polling after it handled events before it sleeps in epoll_wait.
    package var busyPollNanoseconds: UInt64 = 0
    /// How long a loop keeps polling while one of its connections waits for a deferred reply.
    package var inFlightPollNanoseconds: UInt64 = 0

    package init(maximumLineBytes: Int, maximumOutputBytes: Int, maximumConnections: Int) {
        self.maximumLineBytes = maximumLineBytes
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumConnections = maximumConnections
    }
}
