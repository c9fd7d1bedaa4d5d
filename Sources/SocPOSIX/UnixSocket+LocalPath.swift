import Glibc

extension UnixSocket {
    /// The filesystem path a Unix socket is bound to (getsockname(2)); nil for an unnamed or
    /// abstract socket.
    package static func localPath(_ socket: FileDescriptor) throws(SystemError) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        try withUnsafeMutablePointer(to: &address) { (pointer) throws(SystemError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { (raw) throws(SystemError) in
                _ = try syscall("getsockname") { getsockname(socket.rawValue, raw, &length) }
            }
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)!
        guard Int(length) > pathOffset else { return nil }
        return withUnsafeBytes(of: &address.sun_path) { bytes in
            let count = min(Int(length) - pathOffset, bytes.count)
            let path = bytes.prefix(count)
            guard let first = path.first, first != 0 else { return nil }
            return String(decoding: path.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
