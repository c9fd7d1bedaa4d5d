import Glibc

extension Environment {
    /// Every variable of the process environment, read once (the daemon resolves its paths
    /// from a snapshot so that resolution is a pure function that tests can drive).
    package static func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return result
    }
}
