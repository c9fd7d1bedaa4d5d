import Glibc
import Synchronization

/// Exclusive use of a Unix socket path by this process, so socd can bind there safely.
///
/// Claiming takes an exclusive flock(2) on `<path>.lock` (creating the parent directories
/// and the lock file when missing), then deals with whatever is at the path:
/// - nothing: fine;
/// - a socket a server still accepts on: refused (`SocketPathClaimError.alreadyListening`);
/// - a socket nobody listens on any more (the file a crashed socd left behind): unlinked;
/// - anything that is not a socket: refused and left alone (`.notASocket`).
///
/// Hold the claim for as long as the listener lives; the lock is released by `release()`
/// or when the claim is deinitialized. The lock file itself is left in place: removing it
/// would let two processes lock two different files of the same name.
package final class SocketPathClaim: Sendable {
    /// The claimed socket path.
    package let path: String
    /// `path` + `.lock`.
    package let lockPath: String
    private let lock: Mutex<FileDescriptor?>

    /// Claims `path`, creating missing parent directories with `directoryMode`.
    /// Throws `SocketPathClaimError` or `SystemError`.
    package init(path: String, directoryMode: mode_t = 0o755) throws {
        self.path = path
        self.lockPath = path + ".lock"
        try FileSystem.makeDirectories(path: FileSystem.parentDirectory(of: path), mode: directoryMode)
        let lockPath = self.lockPath
        let raw = try syscall("open", path: lockPath) { open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        let lockFile = FileDescriptor(rawValue: raw)
        do {
            switch try nonblockingSyscall("flock", path: lockPath, { flock(raw, LOCK_EX | LOCK_NB) }) {
            case .done:
                break
            case .wouldBlock:
                throw SocketPathClaimError.lockHeld(path: path, lockPath: lockPath)
            }
            try Self.clearStaleSocket(at: path)
        } catch {
            try? lockFile.close()
            throw error
        }
        self.lock = Mutex(lockFile)
    }

    deinit {
        release()
    }

    /// Whether the lock is still held (`release()` has not been called).
    package var isHeld: Bool {
        lock.withLock { $0 != nil }
    }

    /// Unlinks the socket file if it is still a socket, for a clean shutdown. Call it while
    /// the claim is held, before `release()`, so no newer socd's socket can be removed.
    package func removeSocketFile() throws(SystemError) {
        precondition(isHeld, "removeSocketFile() after release()")
        if try FileSystem.status(atPath: path)?.kind == .socket {
            try FileSystem.removeFile(atPath: path)
        }
    }

    /// Releases the lock. Calling it again does nothing.
    package func release() {
        let lockFile = lock.withLock { held in
            defer { held = nil }
            return held
        }
        // Closing the only descriptor of the open file description drops the flock.
        try? lockFile?.close()
    }

    private static func clearStaleSocket(at path: String) throws {
        guard let status = try FileSystem.status(atPath: path) else {
            return
        }
        guard status.kind == .socket else {
            throw SocketPathClaimError.notASocket(path: path)
        }
        do {
            let probe = try UnixSocket.connect(path: path, timeout: .seconds(1))
            try? probe.close()
            throw SocketPathClaimError.alreadyListening(path: path)
        } catch let error as SystemError where error.errno == ECONNREFUSED || error.errno == ENOENT {
            // Nobody accepts there (or the file vanished meanwhile): the socket is stale.
            try FileSystem.removeFile(atPath: path)
        } catch let error as SystemError where error.errno == ETIMEDOUT {
            // A full backlog means a live server that is too busy to accept.
            throw SocketPathClaimError.alreadyListening(path: path)
        }
    }
}
