/// One readiness report from `Epoll.wait`.
package struct EpollEvent: Sendable, Hashable {
    /// The conditions that hold (`readable`, `hangup`, ...).
    package var events: EpollEvents
    /// The value given when the descriptor was registered.
    package var userData: UInt64

    package init(events: EpollEvents, userData: UInt64) {
        self.events = events
        self.userData = userData
    }
}
