import Glibc
import SocPOSIX
import Testing

@Suite struct SocketPathClaimTests {
    @Test func freshPathIsClaimedAndParentsAreCreated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("run/socd/socd.sock")

        let claim = try SocketPathClaim(path: path, directoryMode: 0o750)
        defer { claim.release() }
        #expect(try FileSystem.status(atPath: directory.appending("run"))?.permissions == 0o750)
        #expect(try FileSystem.status(atPath: directory.appending("run/socd"))?.permissions == 0o750)
        #expect(try FileSystem.status(atPath: path + ".lock")?.kind == .regular)
        let listener = try UnixSocket.listen(path: path, mode: 0o660)
        try listener.close()
    }

    @Test func staleSocketIsReplaced() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        // What a crashed socd leaves behind: the file, with nobody listening.
        try UnixSocket.listen(path: path, mode: 0o660).close()
        #expect(try FileSystem.status(atPath: path)?.kind == .socket)

        let claim = try SocketPathClaim(path: path)
        defer { claim.release() }
        #expect(try FileSystem.status(atPath: path) == nil)
        let listener = try UnixSocket.listen(path: path, mode: 0o660)
        defer { try? listener.close() }
        try UnixSocket.connect(path: path).close()
    }

    @Test func liveSocketIsRefusedAndKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let listener = try UnixSocket.listen(path: path, mode: 0o660)
        defer { try? listener.close() }

        let error = try #require(throws: SocketPathClaimError.self) { try SocketPathClaim(path: path) }
        #expect(error.isAlreadyListening)
        #expect(error.description == "another socd is listening on \(path)")
        #expect(try FileSystem.status(atPath: path)?.kind == .socket)
        try UnixSocket.connect(path: path).close()
    }

    @Test func regularFileIsNeverRemoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let file = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        try #require(file >= 0)
        close(file)

        let error = try #require(throws: SocketPathClaimError.self) { try SocketPathClaim(path: path) }
        #expect(error.isNotASocket)
        #expect(try FileSystem.status(atPath: path)?.kind == .regular)
    }

    @Test func directoryIsNeverRemoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        try FileSystem.makeDirectories(path: path)

        let error = try #require(throws: SocketPathClaimError.self) { try SocketPathClaim(path: path) }
        #expect(error.isNotASocket)
        #expect(try FileSystem.status(atPath: path)?.kind == .directory)
    }

    @Test func secondClaimWhileTheFirstIsHeldFailsUntilReleased() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let first = try SocketPathClaim(path: path)

        let error = try #require(throws: SocketPathClaimError.self) { try SocketPathClaim(path: path) }
        #expect(error.isLockHeld)
        first.release()
        #expect(!first.isHeld)
        first.release()  // a second release does nothing

        let second = try SocketPathClaim(path: path)
        #expect(second.isHeld)
        second.release()
    }

    @Test func removeSocketFileRemovesOnlyASocket() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("socd.sock")
        let claim = try SocketPathClaim(path: path)
        defer { claim.release() }
        let listener = try UnixSocket.listen(path: path, mode: 0o660)
        try listener.close()

        try claim.removeSocketFile()
        #expect(try FileSystem.status(atPath: path) == nil)
        try claim.removeSocketFile()  // nothing there any more: fine
    }
}
