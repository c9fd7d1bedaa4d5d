/// Decodes `Decodable` types from a `JSONValue` without going back through bytes.
///
/// Numbers are strict the way a wire protocol needs: an integral double such as `3.0` decodes
/// as an integer, fixed-width integers are range-checked, and `Bool` never comes from a number.
/// An optional property is absent when its member is missing or `null`. Every failure is a
/// `JSONDecodingError` naming the member path.
///
/// The decoder holds only options; each `decode` call builds its own state, so one decoder may
/// be shared between threads.
package struct JSONValueDecoder: Sendable {
    /// When true, an object member the decoded type never asked about (through `decode`,
    /// `decodeIfPresent`, `decodeNil` or `contains`) fails the decode with `unknown field "name"`.
    /// Types that enumerate `allKeys`, such as dictionaries, accept every member.
    package var rejectsUnknownKeys: Bool

    package init(rejectsUnknownKeys: Bool = false) {
        self.rejectsUnknownKeys = rejectsUnknownKeys
    }

    package func decode<T: Decodable>(_ type: T.Type = T.self, from value: JSONValue) throws(JSONDecodingError) -> T {
        let context = JSONDecodingContext(rejectsUnknownKeys: rejectsUnknownKeys)
        let root = JSONDecoderNode(value: value, parent: nil, component: .root, context: context)
        do {
            let result = try root.decodeValue(T.self)
            try context.checkForUnknownKeys()
            return result
        } catch {
            throw JSONDecodingError.adopting(error, at: [])
        }
    }
}

/// State shared by all nodes of one `JSONValueDecoder.decode` call.
final class JSONDecodingContext {
    let rejectsUnknownKeys: Bool
    /// Nodes whose object members must all have been asked for, in the order they were opened.
    private(set) var trackedObjects: [JSONDecoderNode] = []

    init(rejectsUnknownKeys: Bool) {
        self.rejectsUnknownKeys = rejectsUnknownKeys
    }

    func track(_ node: JSONDecoderNode) {
        trackedObjects.append(node)
    }

    func checkForUnknownKeys() throws(JSONDecodingError) {
        for node in trackedObjects where !node.acceptsAllKeys {
            guard case .object(let members) = node.value else { continue }
            let unknown = members.keys.filter { !node.askedKeys.contains($0) }
            if !unknown.isEmpty {
                throw .unknownFields(unknown.sorted(by: JSONSerializer.utf8Precedes), at: node.path)
            }
        }
    }
}

extension JSONDecodingError {
    /// Turns whatever a decode threw into a `JSONDecodingError`: our own pass through, a
    /// `DecodingError` keeps its coding path, anything else (a type's own validation error) is
    /// reported at `path` with its description.
    static func adopting(_ error: any Error, at path: @autoclosure () -> [String]) -> JSONDecodingError {
        switch error {
        case let error as JSONDecodingError: error
        case let error as DecodingError: JSONDecodingError(error)
        default: JSONDecodingError(path: path(), message: "\(error)")
        }
    }
}
