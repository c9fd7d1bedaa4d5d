/// Reads the members of one JSON object, recording which names the type asked for.
struct JSONKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: JSONDecoderNode
    let members: [String: JSONValue]

    var codingPath: [any CodingKey] { node.codingPath }

    var allKeys: [Key] {
        node.acceptsAllKeys = true
        return members.keys.compactMap { Key(stringValue: $0) }
    }

    @inline(__always)
    private func lookup(_ key: Key) -> JSONValue? {
        let name = key.stringValue
        node.noteAsked(name)
        return members[name]
    }

    @inline(__always)
    private func require(_ key: Key) throws(JSONDecodingError) -> JSONValue {
        guard let value = lookup(key) else { throw .missing(at: path(key)) }
        return value
    }

    /// The member's value, or nil when it is missing or `null`.
    @inline(__always)
    private func present(_ key: Key) -> JSONValue? {
        guard let value = lookup(key), value != .null else { return nil }
        return value
    }

    private func path(_ key: Key) -> [String] { node.path + [key.stringValue] }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    /// A missing member counts as null, in keeping with "optional means missing or null".
    func decodeNil(forKey key: Key) throws -> Bool { (lookup(key) ?? .null) == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try JSONUnboxing.bool(require(key), at: path(key))
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try JSONUnboxing.string(require(key), at: path(key))
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try JSONUnboxing.double(require(key), at: path(key))
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try JSONUnboxing.float(require(key), at: path(key))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try JSONUnboxing.integer(require(key), at: path(key))
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try JSONUnboxing.integer(require(key), at: path(key))
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try JSONUnboxing.integer(require(key), at: path(key))
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try JSONUnboxing.integer(require(key), at: path(key))
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try JSONUnboxing.integer(require(key), at: path(key))
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try JSONUnboxing.integer(require(key), at: path(key))
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try JSONUnboxing.integer(require(key), at: path(key))
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try JSONUnboxing.integer(require(key), at: path(key))
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try JSONUnboxing.integer(require(key), at: path(key))
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try JSONUnboxing.integer(require(key), at: path(key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.bool(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.string(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.double(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.float(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
        try present(key).map { value throws(JSONDecodingError) in try JSONUnboxing.integer(value, at: path(key)) }
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try node.decodeChild(T.self, from: require(key), at: .key(key.stringValue))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try node.decodeChild(T.self, from: value, at: .key(key.stringValue))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try child(for: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        node.noteAsked(JSONCodingKey.superKey.stringValue)
        let value = members[JSONCodingKey.superKey.stringValue] ?? .null
        return JSONDecoderNode(value: value, parent: node, component: .key("super"), context: node.context)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONDecoderNode(
            value: lookup(key) ?? .null, parent: node, component: .key(key.stringValue), context: node.context)
    }

    private func child(for key: Key) throws(JSONDecodingError) -> JSONDecoderNode {
        JSONDecoderNode(value: try require(key), parent: node, component: .key(key.stringValue), context: node.context)
    }
}
