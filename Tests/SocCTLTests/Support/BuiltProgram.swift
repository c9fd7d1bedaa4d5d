import Glibc

/// The executables SwiftPM built next to the test bundle, for tests of what only a separate
/// process shows (signals, exit statuses of `main.swift`).
enum BuiltProgram {
    /// The path of `name` in the test bundle's build directory, or nil when it was not built.
    static func path(_ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return nil }
        let candidate = executable[..<slash] + "/" + name
        return access(candidate, X_OK) == 0 ? candidate : nil
    }

    static let socctl = path("socctl")
}
