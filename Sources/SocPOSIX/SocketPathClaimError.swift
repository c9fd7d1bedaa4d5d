/// Why `SocketPathClaim` would not hand over a socket path.
package struct SocketPathClaimError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Hashable {
        case lockHeld(lockPath: String)
        case alreadyListening
        case notASocket
    }

    private let kind: Kind
    /// The socket path that was being claimed.
    package let path: String

    /// Another process holds the lock file beside the socket: another socd is starting or running.
    package static func lockHeld(path: String, lockPath: String) -> SocketPathClaimError {
        SocketPathClaimError(kind: .lockHeld(lockPath: lockPath), path: path)
    }

    /// A server accepted a connection on the socket, so it is live and must not be replaced.
    package static func alreadyListening(path: String) -> SocketPathClaimError {
        SocketPathClaimError(kind: .alreadyListening, path: path)
    }

    /// Something other than a socket exists at the path; it is never removed.
    package static func notASocket(path: String) -> SocketPathClaimError {
        SocketPathClaimError(kind: .notASocket, path: path)
    }

    package var isLockHeld: Bool {
        if case .lockHeld = kind { true } else { false }
    }
    package var isAlreadyListening: Bool { kind == .alreadyListening }
    package var isNotASocket: Bool { kind == .notASocket }

    package var description: String {
        switch kind {
        case .lockHeld(let lockPath):
            "another socd is starting or running on \(path): \(lockPath) is locked"
        case .alreadyListening:
            "another socd is listening on \(path)"
        case .notASocket:
            "\(path) exists and is not a socket; refusing to replace it"
        }
    }
}
