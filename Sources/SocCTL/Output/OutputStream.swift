import Glibc

/// A buffered writer for standard output or standard error: text accumulates in memory and goes
/// out with one `write(2)` per flush (or whenever `capacity` bytes have built up), so a table of
/// a thousand rows costs one system call rather than a thousand.
///
/// Not thread-safe: one command writes to its streams from one thread. Live views must call
/// `flush()` after each update. The buffer is flushed when the stream is released.
package final class OutputStream: TextOutputStream {
    private enum Destination {
        case fileDescriptor(Int32)
        case memory
    }

    private let destination: Destination
    private let capacity: Int
    private var buffer: [UInt8] = []
    /// The `errno` of the first failed write, after which output is discarded (a closed pipe, a
    /// full disk); the caller decides whether that changes the exit status.
    package private(set) var writeError: Int32?

    package init(fileDescriptor: Int32, capacity: Int = 64 * 1024) {
        self.destination = .fileDescriptor(fileDescriptor)
        self.capacity = capacity
        buffer.reserveCapacity(min(capacity, 8 * 1024))
    }

    private init(memory: Void) {
        self.destination = .memory
        self.capacity = .max
    }

    /// A stream that keeps everything written to it, readable as `text`; for rendering to a
    /// string and for tests.
    package static func memory() -> OutputStream {
        OutputStream(memory: ())
    }

    /// Everything written to a memory stream.
    package var text: String {
        guard case .memory = destination else { preconditionFailure("only a memory stream keeps its text") }
        return String(decoding: buffer, as: UTF8.self)
    }

    package func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= capacity { flush() }
    }

    /// Writes `string` followed by a newline.
    package func writeLine(_ string: String = "") {
        write(string)
        write("\n")
    }

    /// Hands the buffered bytes to the kernel.
    package func flush() {
        guard case .fileDescriptor(let descriptor) = destination, !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard writeError == nil else { return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno != EINTR {
                    writeError = errno
                    return
                }
            }
        }
    }

    deinit {
        flush()
    }
}
