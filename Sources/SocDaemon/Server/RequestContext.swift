import SocPOSIX

/// What a handler knows of the request it serves: who sent it, whether they may change state,
/// and the connection it came on (for subscriptions).
package struct RequestContext: Sendable {
    package var connection: ConnectionHandle
    package var peer: PeerCredentials
    /// Decided once per connection from its credentials; see `Authorizer`.
    package var mayChangeState: Bool

    package init(connection: ConnectionHandle, peer: PeerCredentials, mayChangeState: Bool) {
        self.connection = connection
        self.peer = peer
        self.mayChangeState = mayChangeState
    }
}

/// A way to reach one connection from any thread: messages are posted to its event loop.
package struct ConnectionHandle: Sendable, Hashable {
    package let id: UInt64
    let loop: EventLoop

    /// Queues a whole notification line for the connection; dropped if it has closed since.
    package func send(_ line: [UInt8]) {
        loop.post(.deliver(connection: id, bytes: line))
    }

    package static func == (lhs: ConnectionHandle, rhs: ConnectionHandle) -> Bool { lhs.id == rhs.id }
    package func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
