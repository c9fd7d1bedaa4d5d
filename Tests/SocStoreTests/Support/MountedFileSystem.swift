import Foundation

/// A small tmpfs mounted for one test, to give SQLite real EROFS and ENOSPC errors.
///
/// The tests run as root, which ignores permission bits, so a chmod'ed directory would not be
/// read-only for them; a read-only mount is, for every user, and a size-limited tmpfs really fills.
/// This needs CAP_SYS_ADMIN; tests that use it are skipped where `mount` is not permitted.
final class MountedFileSystem {
    let path: String
    private var isMounted = false

    init(at path: String, sizeKilobytes: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try MountedFileSystem.run(["-t", "tmpfs", "-o", "size=\(sizeKilobytes)k,mode=0755", "tmpfs", path])
        isMounted = true
    }

    /// Makes the file system read-only: every write, by anyone, now fails with EROFS.
    ///
    /// Retried briefly: the kernel refuses (EBUSY) while any process holds a file here open for
    /// writing, which includes a `mount` child of a test running in parallel in the instant
    /// between its fork and exec.
    func remountReadOnly() throws {
        var attempt = 0
        while true {
            do {
                return try MountedFileSystem.run(["-o", "remount,ro", path])
            } catch  where attempt < 50 {
                attempt += 1
                usleep(20_000)
            }
        }
    }

    func unmount() {
        guard isMounted else { return }
        isMounted = false
        try? MountedFileSystem.run(["-l", path], tool: "/bin/umount")
    }

    deinit { unmount() }

    /// Whether this process may mount file systems (root with CAP_SYS_ADMIN, not in a locked-down
    /// container); decided once by trying.
    static let isAvailable: Bool = {
        guard let directory = try? TemporaryDirectory("socstore-mount-probe") else { return false }
        let point = directory.file("probe")
        guard let probe = try? MountedFileSystem(at: point, sizeKilobytes: 64) else { return false }
        probe.unmount()
        return true
    }()

    private static func run(_ arguments: [String], tool: String = "/bin/mount") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MountError(command: ([tool] + arguments).joined(separator: " "), status: process.terminationStatus)
        }
    }

    struct MountError: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        var description: String { "\(command) exited with status \(status)" }
    }
}
