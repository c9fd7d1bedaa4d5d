import Foundation
import Glibc

/// Where the binaries under test are: next to the running test bundle, which SwiftPM builds
/// into the same directory as the products (`.build/<triple>/debug`).
enum BuiltProducts {
    static let directory: String = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        precondition(length > 0, "cannot read /proc/self/exe")
        let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The bundle may be a directory (`X.xctest/...`) or an executable file; step out of it.
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while url.path.contains(".xctest") { url.deleteLastPathComponent() }
        return url.path
    }()

    static var socd: String { directory + "/socd" }
    static var socctl: String { directory + "/socctl" }

    /// The path of a tool from `PATH`, or nil when it is not installed.
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/sbin", "/sbin"] {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
