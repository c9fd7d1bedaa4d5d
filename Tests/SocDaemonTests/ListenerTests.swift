import Glibc
import SocPOSIX
import Testing

@testable import SocDaemon

/// Claiming the socket path: stale sockets are replaced, live ones and other files never.
@Suite struct ListenerTests {
    let logger = Logger(level: .error, sink: .memory(LogCapture()))

    private func obtain(_ path: String) throws -> Listener {
        try Listener.obtain(socketOption: path, environment: [:], uid: getuid(), logger: logger)
    }

    @Test func bindsWithMode0660CreatingParentsAndRemovesTheFileOnClose() throws {
        let directory = try TestDirectory()
        let path = directory.file("a/b/socd.sock")
        let listener = try obtain(path)
        #expect(listener.origin == .bound)
        #expect(listener.path == path)
        #expect(try FileSystem.status(atPath: path)?.permissions == 0o660)
        let client = try UnixSocket.connect(path: path)
        try client.close()
        listener.close()
        #expect(try FileSystem.status(atPath: path) == nil)
    }

    @Test func aStaleSocketIsReplaced() throws {
        let directory = try TestDirectory()
        let path = directory.file("socd.sock")
        try UnixSocket.listen(path: path, mode: 0o600).close()
        #expect(throws: SystemError.self) { try UnixSocket.connect(path: path) }
        let listener = try obtain(path)
        defer { listener.close() }
        // (tmpfs reuses the inode number at once, so the mode tells the new file from the old.)
        #expect(try FileSystem.status(atPath: path)?.permissions == 0o660)
        try UnixSocket.connect(path: path).close()
    }

    @Test func aLiveServerIsNeverReplaced() throws {
        let directory = try TestDirectory()
        let path = directory.file("socd.sock")
        // Another program (not holding socd's lock) is serving there.
        let other = try UnixSocket.listen(path: path, mode: 0o600)
        defer { try? other.close() }
        let before = try #require(try FileSystem.status(atPath: path))
        #expect {
            try obtain(path)
        } throws: { ($0 as? SocketPathClaimError)?.isAlreadyListening == true }
        #expect(try FileSystem.status(atPath: path)?.inode == before.inode)
    }

    @Test func aSecondListenerOnTheSamePathIsRefusedByTheLock() throws {
        let directory = try TestDirectory()
        let path = directory.file("socd.sock")
        let first = try obtain(path)
        defer { first.close() }
        #expect {
            try obtain(path)
        } throws: { error in
            let claim = error as? SocketPathClaimError
            return claim?.isLockHeld == true && "\(error)".contains("another socd")
        }
        let client = try UnixSocket.connect(path: path)
        try client.close()
    }

    @Test func aRegularFileIsNeverRemoved() throws {
        let directory = try TestDirectory()
        let path = directory.file("socd.sock")
        let file = fopen(path, "w")
        fputs("keep me", file)
        fclose(file)
        #expect {
            try obtain(path)
        } throws: { ($0 as? SocketPathClaimError)?.isNotASocket == true }
        #expect(try FileSystem.status(atPath: path)?.kind == .regular)
        var buffer = [CChar](repeating: 0, count: 16)
        let reopened = fopen(path, "r")
        fgets(&buffer, 16, reopened)
        fclose(reopened)
        #expect(String(cString: buffer) == "keep me")
    }
}
