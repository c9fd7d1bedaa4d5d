import Glibc

/// Runs shell commands for the completion tests: scripts go to temporary files and output is
/// read back from one, so no Foundation is needed.
enum Shell {
    struct Result {
        var status: Int32
        var output: String
    }

    /// A new temporary file holding `contents`; the caller removes it.
    static func temporaryFile(_ contents: String) -> String {
        var template = Array("/tmp/socctl-test-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        precondition(descriptor >= 0, "mkstemp failed")
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        precondition(written == bytes.count, "short write")
        close(descriptor)
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func read(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Runs `command` with `/bin/sh`, standard output and error both captured.
    static func run(_ command: String) -> Result {
        let outputPath = temporaryFile("")
        defer { unlink(outputPath) }
        let status = system("(\(command)) >\(outputPath) 2>&1")
        let exitStatus = (status >> 8) & 0xFF
        return Result(status: exitStatus, output: read(outputPath))
    }

    static func isInstalled(_ program: String) -> Bool {
        run("command -v \(program)").status == 0
    }
}
