/// Appends the elements of one JSON array.
struct JSONUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let node: JSONEncoderNode
    let builder: JSONArrayBuilder

    var codingPath: [any CodingKey] { node.codingPath }
    var count: Int { builder.elements.count }

    private var nextKey: JSONCodingKey { JSONCodingKey(index: builder.elements.count) }

    mutating func encodeNil() { builder.elements.append(.null) }
    mutating func encode(_ value: Bool) { builder.elements.append(.bool(value)) }
    mutating func encode(_ value: String) { builder.elements.append(.string(value)) }
    mutating func encode(_ value: Double) { builder.elements.append(.double(value)) }
    mutating func encode(_ value: Float) { builder.elements.append(JSONBoxing.box(value)) }
    mutating func encode(_ value: Int) { builder.elements.append(.int(value)) }
    mutating func encode(_ value: Int8) { builder.elements.append(.int(Int(value))) }
    mutating func encode(_ value: Int16) { builder.elements.append(.int(Int(value))) }
    mutating func encode(_ value: Int32) { builder.elements.append(.int(Int(value))) }
    mutating func encode(_ value: Int64) { builder.elements.append(.int(Int(value))) }
    mutating func encode(_ value: UInt) { builder.elements.append(JSONBoxing.box(value)) }
    mutating func encode(_ value: UInt8) { builder.elements.append(.int(Int(value))) }
    mutating func encode(_ value: UInt16) { builder.elements.append(.int(Int(value))) }
    mutating func encode(_ value: UInt32) { builder.elements.append(.int(Int(value))) }
    mutating func encode(_ value: UInt64) { builder.elements.append(JSONBoxing.box(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        builder.elements.append(try node.encodeChild(value, at: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        deferredChild().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        deferredChild().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        deferredChild()
    }

    /// Reserves the next position for a child that is filled in after this call returns.
    private func deferredChild() -> JSONEncoderNode {
        let child = JSONEncoderNode(parent: node, key: nextKey)
        builder.deferred.append((builder.elements.count, child))
        builder.elements.append(.null)
        return child
    }
}
