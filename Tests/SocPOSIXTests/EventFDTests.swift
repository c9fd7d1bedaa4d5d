import Glibc
import SocPOSIX
import Synchronization
import Testing

@Suite struct EventFDTests {
    @Test func signalFromAnotherThreadWakesEpollWait() throws {
        let wakeup = try EventFD()
        defer { try? wakeup.close() }
        let epoll = try Epoll()
        try epoll.add(wakeup.fileDescriptor, events: .readable, userData: 99)

        let signaller = try PosixThread.spawn(name: "signaller") {
            usleep(20_000)
            try? wakeup.signal()
        }
        var woken: [EpollEvent] = []
        let started = MonotonicClock.now
        try epoll.wait(timeoutMilliseconds: 10_000) { woken.append($0) }
        try signaller.join()

        #expect(woken == [EpollEvent(events: .readable, userData: 99)])
        #expect(MonotonicClock.now - started < 5_000_000_000)
        #expect(try wakeup.drain() == 1)
        #expect(try epoll.wait(timeoutMilliseconds: 0) { _ in } == 0)
    }

    @Test func signalsBeforeADrainMerge() throws {
        let wakeup = try EventFD()
        defer { try? wakeup.close() }

        #expect(try wakeup.drain() == 0)
        try wakeup.signal()
        try wakeup.signal()
        try wakeup.signal()
        #expect(try wakeup.drain() == 3)
        #expect(try wakeup.drain() == 0)
    }

    @Test func concurrentSignalsAreAllCounted() throws {
        let wakeup = try EventFD()
        defer { try? wakeup.close() }
        let threads = try (0..<4).map { index in
            try PosixThread.spawn(name: "signaller-\(index)") {
                for _ in 0..<250 {
                    try? wakeup.signal()
                }
            }
        }
        for thread in threads {
            try thread.join()
        }
        #expect(try wakeup.drain() == 1000)
    }
}
