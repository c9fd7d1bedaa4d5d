import Glibc
import SocPOSIX

/// One blocking connection to socd that makes one request at a time: send a line, read until
/// the reply's newline. The timing client of the rules and simulation suites, where each
/// request is a state change whose reply must be read before the next one is sent.
struct RequestConnection {
    let server: ServerProcess
    private let socket: FileDescriptor
    private var buffer = [UInt8](repeating: 0, count: 4096)

    init(to server: ServerProcess) throws {
        self.server = server
        do {
            socket = try UnixSocket.connect(path: server.socketPath)
        } catch {
            throw BenchmarkFailure.other("connecting to \(server.name): \(error)")
        }
    }

    func close() { try? socket.close() }

    /// Sends `line` (which ends in a newline) and returns the reply without its newline.
    mutating func exchange(_ line: [UInt8]) throws -> ArraySlice<UInt8> {
        var length = 0
        do {
            try line.withUnsafeBytes { try socket.sendAll($0) }
            // One request is outstanding, so the reply is complete when a read ends in a newline.
            while length == 0 || buffer[length - 1] != UInt8(ascii: "\n") {
                if length == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
                let result = try buffer.withUnsafeMutableBytes { bytes in
                    try socket.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[length...]))
                }
                guard case .bytes(let read) = result else { throw SystemError(errno: ECONNRESET, function: "read") }
                length += read
            }
        } catch {
            throw BenchmarkFailure.other("\(server.name): request failed: \(error)")
        }
        return buffer[..<(length - 1)]
    }

    /// `exchange`, failing unless the reply contains `expected` (for example `"outcome":"created"`).
    mutating func exchange(_ line: [UInt8], expecting expected: String) throws {
        let reply = try exchange(line)
        guard reply.contains(expected) else {
            throw BenchmarkFailure.unexpectedReply(from: server.name, expected: expected, got: Array(reply))
        }
    }

    /// Calls `method` with `params` (a JSON object's text) and returns the reply line; fails on
    /// an error reply. For the set-up steps (`sim.pause`, `sim.step`), not for timing.
    mutating func call(_ method: String, _ params: String = "{}") throws -> String {
        let line = Array(#"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":\#(params)}"#.utf8) + [0x0A]
        let reply = String(decoding: try exchange(line), as: UTF8.self)
        guard reply.contains(#""result":"#) else {
            throw BenchmarkFailure.other("\(server.name): \(method) failed: \(reply.prefix(300))")
        }
        return reply
    }
}

extension ArraySlice<UInt8> {
    /// Whether the bytes contain `text`'s UTF-8 (a plain scan: replies are short or checked once).
    fileprivate func contains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        var start = startIndex
        while start <= endIndex - needle.count {
            if self[start] == needle[0] && self[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
