import Foundation
import Glibc

/// A fresh directory for one test under /tmp, short enough for socket paths (107 bytes),
/// removed with everything in it by `remove()`.
final class Scratch: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/socd-e2e-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw ScratchError(errno: errno) }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func file(_ name: String) -> String { path + "/" + name }

    var socket: String { file("socd.sock") }
    var state: String { file("state") }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: file(name), encoding: .utf8)) ?? ""
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit { remove() }
}

struct ScratchError: Error, CustomStringConvertible {
    var errno: Int32
    var description: String { "mkdtemp: \(String(cString: strerror(errno)))" }
}
