import Glibc
import SocPOSIX
import Testing

@Suite struct EpollTests {
    private func events(_ epoll: Epoll, timeoutMilliseconds: Int32 = 0) throws -> [EpollEvent] {
        var collected: [EpollEvent] = []
        try epoll.wait(timeoutMilliseconds: timeoutMilliseconds) { collected.append($0) }
        return collected
    }

    @Test func reportsReadabilityWithTheRegisteredUserData() throws {
        let epoll = try Epoll()
        let (local, peer) = try UnixSocket.socketPair(nonblocking: true)
        defer {
            try? local.close()
            try? peer.close()
        }
        try epoll.add(local, events: [.readable, .readHangup], userData: 42)

        #expect(try events(epoll).isEmpty)
        try peer.send(text: "x")
        let ready = try events(epoll, timeoutMilliseconds: 1000)
        #expect(ready == [EpollEvent(events: .readable, userData: 42)])
    }

    @Test func reportsWritabilityAndModifyChangesInterest() throws {
        let epoll = try Epoll()
        let (local, peer) = try UnixSocket.socketPair(nonblocking: true)
        defer {
            try? local.close()
            try? peer.close()
        }
        try epoll.add(local, events: .writable, userData: 1)
        #expect(try events(epoll) == [EpollEvent(events: .writable, userData: 1)])

        try epoll.modify(local, events: .readable, userData: 2)
        #expect(try events(epoll).isEmpty)
        try peer.send(text: "x")
        #expect(try events(epoll) == [EpollEvent(events: .readable, userData: 2)])

        try epoll.remove(local)
        #expect(try events(epoll).isEmpty)
    }

    @Test func reportsHangupWhenThePeerCloses() throws {
        let epoll = try Epoll()
        let (local, peer) = try UnixSocket.socketPair(nonblocking: true)
        defer { try? local.close() }
        try epoll.add(local, events: [.readable, .readHangup], userData: 7)

        try peer.close()
        let ready = try #require(try events(epoll, timeoutMilliseconds: 1000).first)
        #expect(ready.userData == 7)
        #expect(ready.events.isSuperset(of: [.readable, .readHangup, .hangup]))
    }

    @Test func reportsReadHangupAloneWhenThePeerOnlyShutsDownWriting() throws {
        let epoll = try Epoll()
        let (local, peer) = try UnixSocket.socketPair(nonblocking: true)
        defer {
            try? local.close()
            try? peer.close()
        }
        try epoll.add(local, events: [.readable, .readHangup], userData: 7)

        try UnixSocket.shutdown(peer, .write)
        let ready = try #require(try events(epoll, timeoutMilliseconds: 1000).first)
        #expect(ready.events.contains(.readHangup))
        #expect(!ready.events.contains(.hangup))
    }

    @Test func oneShotReportsOnceUntilRearmed() throws {
        let epoll = try Epoll()
        let (local, peer) = try UnixSocket.socketPair(nonblocking: true)
        defer {
            try? local.close()
            try? peer.close()
        }
        try epoll.add(local, events: [.readable, .oneShot], userData: 3)
        try peer.send(text: "x")

        #expect(try events(epoll).count == 1)
        #expect(try events(epoll).isEmpty)
        try epoll.modify(local, events: [.readable, .oneShot], userData: 3)
        #expect(try events(epoll).count == 1)
    }

    @Test func reportsAtMostTheBufferSizePerWaitAndTheRestNextTime() throws {
        let epoll = try Epoll(maximumEventsPerWait: 2)
        var pairs: [(FileDescriptor, FileDescriptor)] = []
        defer {
            for (local, peer) in pairs {
                try? local.close()
                try? peer.close()
            }
        }
        for index in 0..<5 {
            let pair = try UnixSocket.socketPair(nonblocking: true)
            pairs.append(pair)
            try epoll.add(pair.0, events: [.readable, .edgeTriggered], userData: UInt64(index))
            try pair.1.send(text: "x")
        }

        var seen: Set<UInt64> = []
        for _ in 0..<3 {
            let batch = try events(epoll)
            #expect(batch.count <= 2)
            seen.formUnion(batch.map(\.userData))
        }
        #expect(seen == [0, 1, 2, 3, 4])
        // Edge-triggered: nothing new arrived, so nothing more is reported.
        #expect(try events(epoll).isEmpty)
    }

    @Test func listenerIsReadableWhenAConnectionIsPending() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let listener = try UnixSocket.listen(path: path, mode: 0o600)
        defer { try? listener.close() }
        let epoll = try Epoll()
        try epoll.add(listener, events: .readable, userData: 0)

        #expect(try events(epoll).isEmpty)
        let client = try UnixSocket.connect(path: path)
        defer { try? client.close() }
        #expect(try events(epoll, timeoutMilliseconds: 1000).map(\.events) == [.readable])
    }

    @Test func waitTimesOutWithNoEvents() throws {
        let epoll = try Epoll()
        let started = MonotonicClock.now
        #expect(try epoll.wait(timeoutMilliseconds: 50) { _ in } == 0)
        #expect(MonotonicClock.now - started >= 45_000_000)
    }

    @Test func addingAnInvalidDescriptorThrows() throws {
        let epoll = try Epoll()
        let (local, peer) = try UnixSocket.socketPair()
        try local.close()
        try peer.close()

        let error = try #require(throws: SystemError.self) { try epoll.add(local, events: .readable, userData: 0) }
        #expect(error.errno == EBADF)
        #expect(error.function == "epoll_ctl(ADD)")
    }
}
