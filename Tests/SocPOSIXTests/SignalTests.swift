import Glibc
import SocPOSIX
import Testing

/// Signal tests run on threads of their own: `raise` directs the signal at the calling
/// thread, which blocks it, so no other thread of the test process can be hit by it.
@Suite struct SignalTests {
    @Test func signalFDReceivesARaisedSignal() throws {
        let received = try onNewThread { () -> (SignalFD.ReceivedSignal?, SignalFD.ReceivedSignal?, Bool) in
            let signals = try SignalFD(signals: [SIGUSR1, SIGUSR2])
            defer { try? signals.close() }
            let before = try signals.read()
            raise(SIGUSR2)
            let pendingBeforeRead = try Signals.isPending(SIGUSR2)
            return (before, try signals.read(), pendingBeforeRead)
        }
        #expect(received.0 == nil)
        #expect(received.1?.signal == SIGUSR2)
        #expect(received.1?.senderPID == getpid())
        #expect(received.1?.senderUID == getuid())
        #expect(received.2)
    }

    @Test func signalFDIsReadableForEpoll() throws {
        let ready = try onNewThread { () -> [EpollEvent] in
            let signals = try SignalFD(signals: [SIGUSR1])
            defer { try? signals.close() }
            let epoll = try Epoll()
            try epoll.add(signals.fileDescriptor, events: .readable, userData: 5)
            raise(SIGUSR1)
            var ready: [EpollEvent] = []
            try epoll.wait(timeoutMilliseconds: 1000) { ready.append($0) }
            _ = try signals.read()
            return ready
        }
        #expect(ready == [EpollEvent(events: .readable, userData: 5)])
    }

    @Test func blockedSignalStaysPendingUntilTaken() throws {
        let states = try onNewThread { () -> (Bool, Bool) in
            try Signals.block([SIGUSR1])
            let signals = try SignalFD(signals: [SIGUSR1])
            defer { try? signals.close() }
            raise(SIGUSR1)
            let pending = try Signals.isPending(SIGUSR1)
            _ = try signals.read()
            return (pending, try Signals.isPending(SIGUSR1))
        }
        #expect(states == (true, false))
    }

    @Test func ignoringSIGPIPEIsVisibleAndOtherSignalsAreUntouched() throws {
        try Signals.ignore(SIGPIPE)
        #expect(try Signals.isIgnored(SIGPIPE))
        #expect(try !Signals.isIgnored(SIGTERM))
    }

    @Test func invalidSignalNumberIsRejected() throws {
        let error = try #require(throws: SystemError.self) { try Signals.block([100_000]) }
        #expect(error.errno == EINVAL)
    }
}
