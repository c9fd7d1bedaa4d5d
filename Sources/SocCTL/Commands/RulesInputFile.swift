import Glibc
import SocPOSIX

/// Reads the file `rules import` is given, or standard input for `-`, whole.
enum RulesInputFile {
    /// The bytes of `path` (`-` reads `standardInput`); a file that cannot be read is
    /// `CommandFailure.noInput` naming it and the reason.
    static func read(_ path: String, standardInput: FileDescriptor) throws(CommandFailure) -> [UInt8] {
        if path == "-" {
            do {
                return try readAll(standardInput)
            } catch {
                throw .noInput("cannot read standard input: \(SystemError.message(forErrno: error.errno))")
            }
        }
        let raw = open(path, O_RDONLY | O_CLOEXEC)
        guard raw >= 0 else { throw .noInput("cannot open \(path): \(SystemError.message(forErrno: errno))") }
        let descriptor = FileDescriptor(rawValue: raw)
        defer { try? descriptor.close() }
        do {
            return try readAll(descriptor)
        } catch {
            // A directory opens but does not read (EISDIR): still the user's file to fix.
            throw .noInput("cannot read \(path): \(SystemError.message(forErrno: error.errno))")
        }
    }

    private static func readAll(_ descriptor: FileDescriptor) throws(SystemError) -> [UInt8] {
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            switch try descriptor.read(into: chunk) {
            case .bytes(let count): bytes += chunk[..<count]
            case .endOfFile: return bytes
            case .wouldBlock: throw SystemError(errno: EAGAIN, function: "read")
            }
        }
    }
}
