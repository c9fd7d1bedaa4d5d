import Glibc
import SocPOSIX

/// A fresh directory under /tmp for one test's socket; `remove()` deletes it and what is in it.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/socctl-test-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw SystemError.current(function: "mkdtemp")
        }
        path = String(cString: template)
    }

    /// Removes the directory and the files directly in it (tests put sockets there, no subdirectories).
    func remove() {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
