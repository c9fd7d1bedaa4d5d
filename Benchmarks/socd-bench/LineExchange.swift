import Glibc
import SocPOSIX

/// One request line out, one reply line back, on a blocking socket: for the set-up steps of
/// the suites (asking socd for its status, touching each idle connection), not for timing.
enum LineExchange {
    static func exchange(_ line: [UInt8], on socket: FileDescriptor) throws -> [UInt8] {
        try line.withUnsafeBytes { (bytes) throws in try socket.sendAll(bytes) }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while reply.last != UInt8(ascii: "\n") {
            let result = try buffer.withUnsafeMutableBytes { (bytes) throws in try socket.read(into: bytes) }
            guard case .bytes(let count) = result else { throw SystemError(errno: ECONNRESET, function: "read") }
            reply += buffer[..<count]
        }
        return reply.dropLast()
    }

    /// The open connections socd reports in `system.status`, counting the one that asks.
    static func socdConnectionCount(_ server: ServerProcess) throws -> Int? {
        let socket = try UnixSocket.connect(path: server.socketPath)
        defer { try? socket.close() }
        let request = Array(#"{"jsonrpc":"2.0","id":1,"method":"system.status"}"#.utf8) + [UInt8(ascii: "\n")]
        let reply = String(decoding: try exchange(request, on: socket), as: UTF8.self)
        guard let range = reply.firstRange(of: #""connections":"#) else { return nil }
        return Int(reply[range.upperBound...].prefix { $0.isNumber })
    }
}
