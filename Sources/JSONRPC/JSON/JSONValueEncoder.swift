/// Encodes `Encodable` types into a `JSONValue`, ready for `JSONValue.serialize(into:)`.
///
/// `nil` optionals encoded with `encodeIfPresent` (what synthesized conformances do) leave the
/// member out. Non-finite doubles are kept as they are and serialize as `null`. Errors thrown by
/// a type's own `encode(to:)` propagate unchanged.
///
/// The encoder holds no state; each `encode` call builds its own, so it may be shared freely.
package struct JSONValueEncoder: Sendable {
    package init() {}

    package func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let json = value as? JSONValue { return json }
        let root = JSONEncoderNode(parent: nil, key: nil)
        try value.encode(to: root)
        return root.finishedValue()
    }
}
