import Glibc
import SocPOSIX
import Testing

@Suite struct FileSystemTests {
    @Test func makeDirectoriesCreatesEveryMissingLevelWithTheMode() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("a/b/c")

        try FileSystem.makeDirectories(path: path, mode: 0o700)
        for level in ["a", "a/b", "a/b/c"] {
            let status = try #require(try FileSystem.status(atPath: directory.appending(level)))
            #expect(status.kind == .directory)
            #expect(status.permissions == 0o700)
        }
        // Existing directories are fine and keep their mode.
        try FileSystem.makeDirectories(path: path, mode: 0o755)
        #expect(try FileSystem.status(atPath: path)?.permissions == 0o700)
    }

    @Test func makeDirectoriesThroughAFileFailsWithENOTDIR() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.appending("file")
        close(open(file, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644))

        let error = try #require(throws: SystemError.self) {
            try FileSystem.makeDirectories(path: file + "/below")
        }
        #expect(error.errno == ENOTDIR)
    }

    @Test func removeFileReportsWhetherSomethingWasThere() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.appending("file")
        close(open(file, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644))

        #expect(try FileSystem.removeFile(atPath: file))
        #expect(try !FileSystem.removeFile(atPath: file))
    }

    @Test(arguments: [
        ("/run/socd/socd.sock", "/run/socd"),
        ("/run/socd//socd.sock", "/run/socd"),
        ("/run/socd/", "/run"),
        ("/socd.sock", "/"),
        ("socd.sock", "."),
        ("relative/socd.sock", "relative"),
        ("/", "/"),
    ])
    func parentDirectory(path: String, parent: String) {
        #expect(FileSystem.parentDirectory(of: path) == parent)
    }
}
