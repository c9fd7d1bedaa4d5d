import SocPOSIX
import SocProtocol

/// The listening socket, adopted from systemd or bound by socd itself.
package struct Listener: Sendable {
    package enum Origin: String, Sendable {
        /// systemd passed it (socket activation); it outlives this process.
        case activated
        /// socd bound it and removes the socket file when it exits.
        case bound
    }

    package let descriptor: FileDescriptor
    package let path: String
    package let origin: Origin
    /// Held while socd owns a socket path it bound, so that a second socd cannot replace it.
    let claim: SocketPathClaim?

    func accept() throws(SystemError) -> FileDescriptor? {
        try UnixSocket.accept(descriptor)
    }

    /// The socket systemd passed, when there is one and `--socket` was not given; else a socket
    /// bound at the path the runtime contract resolves.
    package static func obtain(
        socketOption: String?, environment: [String: String], uid: UInt32, logger: Logger
    ) throws -> Listener {
        if socketOption == nil {
            let passed = try Systemd.listenFileDescriptors()
            if let first = passed.first {
                if passed.count > 1 {
                    logger.warning(
                        "systemd passed \(passed.count) sockets; serving the first (fd \(first.descriptor.rawValue))")
                }
                guard Systemd.isUnixStreamSocket(first.descriptor) else {
                    throw ListenerError(
                        "the socket systemd passed (fd \(first.descriptor.rawValue), name \"\(first.name)\") is not a "
                            + "listening Unix stream socket; check ListenStream= in socd.socket")
                }
                try first.descriptor.setNonblocking()
                try first.descriptor.setCloseOnExec()
                let path = ((try? UnixSocket.localPath(first.descriptor)) ?? nil) ?? "(unnamed)"
                return Listener(descriptor: first.descriptor, path: path, origin: .activated, claim: nil)
            }
        }
        let path = SocketLocation.resolve(option: socketOption, environment: environment, uid: uid)
        let claim = try SocketPathClaim(path: path, directoryMode: 0o755)
        let descriptor = try UnixSocket.listen(path: path, mode: 0o660, backlog: 1024)
        try descriptor.setNonblocking()
        return Listener(descriptor: descriptor, path: path, origin: .bound, claim: claim)
    }

    /// Closes the socket; a bound one also loses its file and its lock.
    func close() {
        try? descriptor.close()
        if origin == .bound {
            try? claim?.removeSocketFile()
            claim?.release()
        }
    }
}

/// Why socd could not obtain its listening socket.
package struct ListenerError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
