/// A soft and hard resource limit pair (getrlimit(2)). The soft limit is what is enforced;
/// an unprivileged process may raise it up to the hard limit.
package struct ResourceLimit: Sendable, Hashable {
    package var soft: UInt64
    package var hard: UInt64

    package init(soft: UInt64, hard: UInt64) {
        self.soft = soft
        self.hard = hard
    }
}
