import SocPOSIX

extension RPCClient {
    /// Hands notifications to `body` as they arrive until a signal of `signals` is received or
    /// the daemon closes the connection, whichever comes first.
    ///
    /// The socket and the signal descriptor are watched together with epoll, so that Ctrl-C ends
    /// the stream at once even while no event comes, without a signal handler interrupting a
    /// read halfway. A signal that is ready together with data wins: the user asked to stop.
    package func streamNotifications(
        until signals: SignalFD, _ body: (RPCNotification) throws -> Void
    ) throws -> NotificationStreamEnd {
        try processBufferedLines()
        for notification in takeNotifications() { try body(notification) }
        let epoll = try Epoll(maximumEventsPerWait: 2)
        let socketToken: UInt64 = 1
        let signalToken: UInt64 = 2
        try epoll.add(fileDescriptor, events: [.readable, .readHangup], userData: socketToken)
        try epoll.add(signals.fileDescriptor, events: .readable, userData: signalToken)
        while true {
            var socketReady = false
            var signalReady = false
            try epoll.wait(timeoutMilliseconds: -1) { event in
                if event.userData == signalToken { signalReady = true } else { socketReady = true }
            }
            if signalReady, let received = try signals.read() {
                return .signal(received.signal)
            }
            guard socketReady else { continue }
            let isOpen = try receive()
            for notification in takeNotifications() { try body(notification) }
            if !isOpen { return .endOfFile }
        }
    }
}
