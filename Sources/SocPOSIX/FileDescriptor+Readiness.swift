import Glibc

extension FileDescriptor {
    /// Waits until the descriptor has something to read (data, end of file or an error) with
    /// poll(2); false when `timeoutMilliseconds` passed first. A negative timeout waits forever.
    /// An interrupted wait is resumed with the time that remains.
    package func waitUntilReadable(timeoutMilliseconds: Int32) throws(SystemError) -> Bool {
        let deadline = MonotonicClock.now &+ UInt64(max(timeoutMilliseconds, 0)) * 1_000_000
        var remaining = timeoutMilliseconds
        while true {
            var watched = pollfd(fd: rawValue, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&watched, 1, remaining)
            if ready >= 0 { return ready > 0 }
            guard errno == EINTR else { throw SystemError(errno: errno, function: "poll") }
            if timeoutMilliseconds >= 0 {
                let now = MonotonicClock.now
                remaining = now >= deadline ? 0 : Int32((deadline - now + 999_999) / 1_000_000)
            }
        }
    }
}
