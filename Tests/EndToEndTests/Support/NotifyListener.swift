import Glibc
import SocPOSIX

/// The datagram socket a test puts in `NOTIFY_SOCKET` to hear what socd tells systemd.
final class NotifyListener {
    let path: String
    private let descriptor: FileDescriptor
    /// Every datagram received so far, in order.
    private(set) var messages: [String] = []

    init(path: String) throws {
        self.path = path
        descriptor = try UnixDatagramSocket.bind(path: path, nonblocking: true)
    }

    deinit { try? descriptor.close() }

    /// Waits up to `timeout` for a datagram that contains the line `assignment` (`READY=1`).
    /// Returns the datagram, or nil.
    func waitFor(_ assignment: String, timeout: Double = 5) -> String? {
        if let seen = messages.first(where: { Self.contains($0, assignment) }) { return seen }
        let deadline = Deadline(seconds: timeout)
        while true {
            while let message = receive() {
                messages.append(message)
                if Self.contains(message, assignment) { return message }
            }
            var poller = pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, deadline.remainingMilliseconds) <= 0 && deadline.hasPassed { return nil }
        }
    }

    /// Collects whatever has arrived, without waiting.
    func drain() -> [String] {
        while let message = receive() { messages.append(message) }
        return messages
    }

    private func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor.rawValue, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    private static func contains(_ message: String, _ assignment: String) -> Bool {
        message.split(separator: "\n").contains { $0 == assignment }
    }
}
