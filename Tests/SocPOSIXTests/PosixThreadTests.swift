import Glibc
import SocPOSIX
import Synchronization
import Testing

@Suite struct PosixThreadTests {
    @Test func joinableThreadRunsItsBodyUnderItsName() throws {
        let seenName = Mutex<String?>(nil)
        let thread = try PosixThread.spawn(name: "socd-epoll") {
            seenName.withLock { $0 = PosixThread.currentName }
        }
        #expect(thread.isJoinable)
        try thread.join()
        #expect(seenName.withLock { $0 } == "socd-epoll")
    }

    @Test func longNamesAreTruncatedToWhatLinuxKeeps() throws {
        let name = try onNewThread { PosixThread.currentName }
        #expect(name == "test-thread")
        let long = Mutex<String?>(nil)
        let thread = try PosixThread.spawn(name: "socd-connection-worker-17") {
            long.withLock { $0 = PosixThread.currentName }
        }
        try thread.join()
        #expect(long.withLock { $0 } == "socd-connection")
    }

    @Test func detachedThreadRuns() throws {
        let done = try EventFD()
        defer { try? done.close() }
        let thread = try PosixThread.spawn(name: "detached", detached: true) {
            try? done.signal()
        }
        #expect(!thread.isJoinable)
        let epoll = try Epoll()
        try epoll.add(done.fileDescriptor, events: .readable, userData: 0)
        #expect(try epoll.wait(timeoutMilliseconds: 10_000) { _ in } == 1)
    }

    @Test func manyThreadsAllFinish() throws {
        let counter = Atomic<Int>(0)
        let threads = try (0..<16).map { index in
            try PosixThread.spawn(name: "worker-\(index)") {
                counter.add(1, ordering: .relaxed)
            }
        }
        for thread in threads {
            try thread.join()
        }
        #expect(counter.load(ordering: .relaxed) == 16)
    }
}
