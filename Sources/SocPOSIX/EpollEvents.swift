import CSocShims

/// Readiness conditions and flags of an epoll registration (the `EPOLL*` bits).
package struct EpollEvents: OptionSet, Sendable, Hashable {
    package let rawValue: UInt32

    package init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Data can be read, or a listener has a connection to accept (EPOLLIN).
    package static let readable = EpollEvents(rawValue: CSocShims_EPOLLIN)
    /// Data can be written (EPOLLOUT).
    package static let writable = EpollEvents(rawValue: CSocShims_EPOLLOUT)
    /// The peer shut down writing or closed: reads will reach end-of-file (EPOLLRDHUP).
    package static let readHangup = EpollEvents(rawValue: CSocShims_EPOLLRDHUP)
    /// Both directions are closed (EPOLLHUP); always reported, whether asked for or not.
    package static let hangup = EpollEvents(rawValue: CSocShims_EPOLLHUP)
    /// An error is pending on the descriptor (EPOLLERR); always reported.
    package static let error = EpollEvents(rawValue: CSocShims_EPOLLERR)
    /// Report a condition once when it arises rather than while it lasts (EPOLLET).
    package static let edgeTriggered = EpollEvents(rawValue: CSocShims_EPOLLET)
    /// Disarm the registration after one report until `Epoll.modify` re-arms it (EPOLLONESHOT).
    package static let oneShot = EpollEvents(rawValue: CSocShims_EPOLLONESHOT)
}
