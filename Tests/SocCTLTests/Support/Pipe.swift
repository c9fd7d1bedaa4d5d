import Glibc
import SocPOSIX

/// A pipe whose write end already holds `contents` and is closed, to stand in for standard input.
struct Pipe {
    let reader: FileDescriptor

    init(contents: String) throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SystemError.current(function: "pipe") }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        Glibc.close(ends[1])
        guard written == bytes.count else { throw SystemError.current(function: "write") }
        reader = FileDescriptor(rawValue: ends[0])
    }

    func close() {
        try? reader.close()
    }
}
