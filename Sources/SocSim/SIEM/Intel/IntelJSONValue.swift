/// A parsed JSON document, as the STIX importer reads it. Objects remember the line they start
/// on, so an error about one indicator can say where it is.
///
/// SocSim does not depend on JSONRPC (whose JSON value type the daemon speaks), and a feed file
/// arrives as text inside a request, so the importer reads it here with `IntelJSONReader`.
package indirect enum IntelJSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([IntelJSONValue])
    case object([String: IntelJSONValue], line: Int)

    package subscript(key: String) -> IntelJSONValue? {
        if case .object(let members, _) = self { members[key] } else { nil }
    }

    package var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    package var line: Int? {
        if case .object(_, let line) = self { line } else { nil }
    }
}
