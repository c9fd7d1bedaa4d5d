import Glibc
import SocPOSIX
import SocSim

/// The install's flag secret: 32 random bytes in `flag-secret` in the state directory, mode 0600,
/// created on first start.
///
/// A file rather than a row of the settings table: anyone who can read the socket can read
/// settings through the API's future settings views, `system.backup` copies the database to
/// wherever the operator asks, and a database is often handed around to debug it; none of that
/// should reveal the flags. The file stays behind with the state directory's other secrets,
/// readable by socd alone.
enum FlagSecretFile {
    static let fileName = "flag-secret"
    static let length = 32

    /// The secret in `stateDirectory`, created if there is none. Nil (logged) when it can be
    /// neither read nor created, as on a read-only state directory: scenarios then run and solve,
    /// but show no flag. A damaged file is left alone for the operator to look at, never replaced,
    /// since replacing it would change every flag already earned.
    static func loadOrCreate(stateDirectory: String, logger: Logger) -> FlagSecret? {
        let path = stateDirectory.hasSuffix("/") ? stateDirectory + fileName : stateDirectory + "/" + fileName
        do {
            if let bytes = try readFile(path) {
                guard let secret = FlagSecret(bytes: bytes) else {
                    logger.error(
                        "\(path) holds \(bytes.count) bytes, fewer than \(FlagSecret.minimumLength): scenarios will "
                            + "show no flag until it is removed (socd then creates a new one)")
                    return nil
                }
                return secret
            }
            let bytes = try RandomBytes.read(count: length)
            try create(path, bytes: bytes)
            logger.info("created the flag secret \(path)")
            return FlagSecret(bytes: bytes)
        } catch {
            logger.warning("no flag secret (\(error)): scenarios will show no flag")
            return nil
        }
    }

    /// The file's bytes, or nil when it does not exist.
    static func readFile(_ path: String) throws(SystemError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw SystemError.current(function: "open", path: path)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while bytes.count < 4096 {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw SystemError.current(function: "read", path: path) }
            if got == 0 { break }
            bytes.append(contentsOf: buffer[..<got])
        }
        return bytes
    }

    /// Writes a temporary file with mode 0600, syncs it, and renames it into place, so the secret
    /// is either absent or complete, even after a crash.
    private static func create(_ path: String, bytes: [UInt8]) throws(SystemError) {
        let temporary = path + ".tmp"
        _ = unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SystemError.current(function: "open", path: temporary) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let failure = SystemError.current(function: "write", path: temporary)
                close(descriptor)
                _ = unlink(temporary)
                throw failure
            }
            written += count
        }
        guard fsync(descriptor) == 0 else {
            let failure = SystemError.current(function: "fsync", path: temporary)
            close(descriptor)
            _ = unlink(temporary)
            throw failure
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let failure = SystemError.current(function: "rename", path: path)
            _ = unlink(temporary)
            throw failure
        }
        let directory = FileSystem.parentDirectory(of: path)
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
