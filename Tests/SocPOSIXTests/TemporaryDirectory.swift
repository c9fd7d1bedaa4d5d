import Glibc
import SocPOSIX
import Synchronization

/// A fresh directory under /tmp for one test (mkdtemp), removed with its contents by
/// `remove()`. Paths stay short because Unix socket paths are limited to 107 bytes.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/socposix-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw SystemError.current(function: "mkdtemp")
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func appending(_ name: String) -> String {
        path + "/" + name
    }

    func remove() {
        Self.removeTree(path)
    }

    private static func removeTree(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name == "." || name == ".." {
                    continue
                }
                let child = path + "/" + name
                if (try? FileSystem.status(atPath: child))??.kind == .directory {
                    removeTree(child)
                } else {
                    unlink(child)
                }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}

/// Runs `body` on a new POSIX thread and returns what it returned, so tests that change
/// per-thread state (the signal mask) leave the test runner's threads untouched.
func onNewThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) throws -> Value {
    let outcome = ResultBox<Value>()
    let thread = try PosixThread.spawn(name: "test-thread") {
        outcome.set(Result(catching: body))
    }
    try thread.join()
    return try outcome.get()
}

/// The result a thread hands back to the one that joins it.
final class ResultBox<Value: Sendable>: Sendable {
    private let storage = Mutex<Result<Value, any Error>?>(nil)

    func set(_ result: Result<Value, any Error>) {
        storage.withLock { $0 = result }
    }

    func get() throws -> Value {
        try storage.withLock { $0! }.get()
    }
}

extension FileDescriptor {
    /// Sends all of `text` on a blocking socket.
    func send(text: String) throws {
        try Array(text.utf8).withUnsafeBytes { try sendAll($0) }
    }

    /// Reads once into a 4 KiB buffer; the bytes as text, or nil at end of file or would-block.
    func readText() throws -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let result = try buffer.withUnsafeMutableBytes { try read(into: $0) }
        guard case .bytes(let count) = result else {
            return nil
        }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    func readResult() throws -> IOResult {
        var buffer = [UInt8](repeating: 0, count: 4096)
        return try buffer.withUnsafeMutableBytes { try read(into: $0) }
    }
}
