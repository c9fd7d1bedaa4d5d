/// Why a JSON value does not fit the type it was decoded into, and where in the value.
///
/// The description is written for a client's eyes, since it becomes the message of a
/// JSON-RPC -32602 error: `rules[2].dport: expected integer, got boolean`.
package struct JSONDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Member names from the root, with array positions written as `"[2]"`.
    package var path: [String]
    package var message: String
    /// For an unknown-member error: the members the type does not know, sorted.
    package var unknownFields: [String] = []

    package init(path: [String], message: String) {
        self.path = path
        self.message = message
    }

    /// The path of the offending member: `path`, or for unknown members the first of them
    /// (`params.verbose`), so that a client can point at what to remove.
    package var offendingPath: String {
        guard let first = unknownFields.first else { return renderedPath }
        return Self(path: path + [first], message: message).renderedPath
    }

    /// `path` as one string: `rules[2].dport`; empty for the root value.
    package var renderedPath: String {
        var rendered = ""
        for component in path {
            if !rendered.isEmpty && !component.hasPrefix("[") { rendered += "." }
            rendered += component
        }
        return rendered
    }

    package var description: String {
        path.isEmpty ? message : "\(renderedPath): \(message)"
    }
}

extension JSONDecodingError {
    package static func typeMismatch(expected: String, got value: JSONValue, at path: [String]) -> Self {
        Self(path: path, message: "expected \(expected), got \(value.typeName)")
    }

    package static func missing(at path: [String]) -> Self {
        Self(path: path, message: "missing")
    }

    package static func outOfRange(_ value: JSONValue, of typeName: String, at path: [String]) -> Self {
        Self(path: path, message: "\(value) is outside \(typeName) range")
    }

    package static func unknownFields(_ names: [String], at path: [String]) -> Self {
        let quoted = names.map { "\"\($0)\"" }.joined(separator: ", ")
        var error = Self(path: path, message: names.count == 1 ? "unknown field \(quoted)" : "unknown fields \(quoted)")
        error.unknownFields = names
        return error
    }

    /// Adopts an error thrown by a type's own `init(from:)`, keeping the path it names.
    init(_ error: DecodingError) {
        switch error {
        case .dataCorrupted(let context):
            self.init(path: Self.path(of: context.codingPath), message: context.debugDescription)
        case .keyNotFound(let key, let context):
            self = .missing(at: Self.path(of: context.codingPath + [key]))
        case .valueNotFound(_, let context), .typeMismatch(_, let context):
            self.init(path: Self.path(of: context.codingPath), message: context.debugDescription)
        @unknown default:
            self.init(path: [], message: "\(error)")
        }
    }

    static func path(of codingPath: [any CodingKey]) -> [String] {
        codingPath.map { key in
            if let jsonKey = key as? JSONCodingKey, jsonKey.isArrayIndex { return "[\(jsonKey.intValue!)]" }
            return key.stringValue
        }
    }
}
