import CSocShims
import Glibc

extension FileDescriptor {
    /// Reads up to `buffer.count` bytes (read(2)); `buffer` must not be empty, or a read of
    /// zero bytes could not be told apart from the end of the file.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> IOResult {
        precondition(!buffer.isEmpty, "read into an empty buffer")
        switch try nonblockingSyscall("read", { Glibc.read(rawValue, buffer.baseAddress, buffer.count) }) {
        case .done(0):
            return .endOfFile
        case .done(let count):
            return .bytes(count)
        case .wouldBlock:
            return .wouldBlock
        }
    }

    /// Writes some of `bytes` (write(2)). For sockets use `send`, which cannot raise SIGPIPE.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) -> WriteResult {
        switch try nonblockingSyscall("write", { Glibc.write(rawValue, bytes.baseAddress, bytes.count) }) {
        case .done(let count):
            return .written(count)
        case .wouldBlock:
            return .wouldBlock
        }
    }

    /// Sends some of `bytes` on a socket with MSG_NOSIGNAL: a peer that has gone away is
    /// reported as an `EPIPE` (or `ECONNRESET`) error instead of a SIGPIPE that kills the process.
    package func send(_ bytes: UnsafeRawBufferPointer) throws(SystemError) -> WriteResult {
        let flags = Int32(CSocShims_MSG_NOSIGNAL)
        switch try nonblockingSyscall("send", { Glibc.send(rawValue, bytes.baseAddress, bytes.count, flags) }) {
        case .done(let count):
            return .written(count)
        case .wouldBlock:
            return .wouldBlock
        }
    }

    /// Sends all of `bytes` on a blocking socket, looping over short writes.
    /// On a nonblocking socket whose buffer fills up this throws `EAGAIN`.
    package func sendAll(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            switch try send(UnsafeRawBufferPointer(rebasing: bytes[offset...])) {
            case .written(let count):
                offset += count
            case .wouldBlock:
                throw SystemError(errno: EAGAIN, function: "send")
            }
        }
    }
}
