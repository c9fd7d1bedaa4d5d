import Foundation
import Glibc
import Testing

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

    /// The path of an installed tool (`make test-deps` installs them), or nil.
    ///
    /// The system directories come first: a tool run as another user (python3 under setpriv)
    /// must not be a shim in root's home that the other user cannot read.
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"] + path.split(separator: ":").map(String.init)
        for directory in directories {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The path of a tool the test cannot do without; a missing one fails the test with the fix.
    static func requiredTool(
        _ name: String, package: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws
        -> String
    {
        try #require(
            tool(name), "\(name) is not installed: run `make test-deps` (Debian package \(package))",
            sourceLocation: sourceLocation)
    }
}
