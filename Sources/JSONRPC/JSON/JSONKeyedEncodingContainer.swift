/// Writes the members of one JSON object.
struct JSONKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONEncoderNode
    let builder: JSONObjectBuilder

    var codingPath: [any CodingKey] { node.codingPath }

    mutating func encodeNil(forKey key: Key) { builder.append(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) { builder.append(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) { builder.append(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) { builder.append(key.stringValue, .double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) { builder.append(key.stringValue, JSONBoxing.box(value)) }
    mutating func encode(_ value: Int, forKey key: Key) { builder.append(key.stringValue, .int(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) { builder.append(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) { builder.append(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) { builder.append(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) { builder.append(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) { builder.append(key.stringValue, JSONBoxing.box(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) { builder.append(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) { builder.append(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) { builder.append(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) { builder.append(key.stringValue, JSONBoxing.box(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        builder.append(key.stringValue, try node.encodeChild(value, at: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONEncoderNode(parent: node, key: key)
        builder.deferred.append((key.stringValue, child))
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONEncoderNode(parent: node, key: key)
        builder.deferred.append((key.stringValue, child))
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONEncoderNode(parent: node, key: JSONCodingKey.superKey)
        builder.deferred.append((JSONCodingKey.superKey.stringValue, child))
        return child
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONEncoderNode(parent: node, key: key)
        builder.deferred.append((key.stringValue, child))
        return child
    }
}
