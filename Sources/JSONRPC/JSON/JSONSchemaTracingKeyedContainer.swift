/// Records each member a traced type reads as a property of its object schema.
struct JSONSchemaTracingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: JSONSchemaTracerNode

    var codingPath: [any CodingKey] { [] }

    /// A type that lists the members itself takes any member.
    var allKeys: [Key] {
        node.builder.schema.additionalProperties = .allowed(true)
        return []
    }

    /// Answers yes so that the code guarded by the check is traced too, with the member optional.
    func contains(_ key: Key) -> Bool {
        node.builder.markOptional(key.stringValue)
        return true
    }

    func decodeNil(forKey key: Key) -> Bool {
        node.builder.markOptional(key.stringValue)
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) -> Bool { primitive(key, isRequired: true) }
    func decode(_ type: String.Type, forKey key: Key) -> String { primitive(key, isRequired: true) }
    func decode(_ type: Double.Type, forKey key: Key) -> Double { primitive(key, isRequired: true) }
    func decode(_ type: Float.Type, forKey key: Key) -> Float { primitive(key, isRequired: true) }
    func decode(_ type: Int.Type, forKey key: Key) -> Int { primitive(key, isRequired: true) }
    func decode(_ type: Int8.Type, forKey key: Key) -> Int8 { primitive(key, isRequired: true) }
    func decode(_ type: Int16.Type, forKey key: Key) -> Int16 { primitive(key, isRequired: true) }
    func decode(_ type: Int32.Type, forKey key: Key) -> Int32 { primitive(key, isRequired: true) }
    func decode(_ type: Int64.Type, forKey key: Key) -> Int64 { primitive(key, isRequired: true) }
    func decode(_ type: UInt.Type, forKey key: Key) -> UInt { primitive(key, isRequired: true) }
    func decode(_ type: UInt8.Type, forKey key: Key) -> UInt8 { primitive(key, isRequired: true) }
    func decode(_ type: UInt16.Type, forKey key: Key) -> UInt16 { primitive(key, isRequired: true) }
    func decode(_ type: UInt32.Type, forKey key: Key) -> UInt32 { primitive(key, isRequired: true) }
    func decode(_ type: UInt64.Type, forKey key: Key) -> UInt64 { primitive(key, isRequired: true) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) -> Bool? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) -> String? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) -> Double? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) -> Float? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) -> Int? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) -> Int8? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) -> Int16? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) -> Int32? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) -> Int64? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) -> UInt? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) -> UInt8? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) -> UInt16? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) -> UInt32? { primitive(key, isRequired: false) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) -> UInt64? { primitive(key, isRequired: false) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (schema, value) = try node.tracer.trace(T.self)
        node.builder.record(key.stringValue, schema, isRequired: true)
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        // A recursive placeholder stops at the first optional instead of tracing on.
        if node.tracer.isMinimal {
            node.builder.markOptional(key.stringValue)
            return nil
        }
        let (schema, value) = try node.tracer.trace(T.self)
        node.builder.record(key.stringValue, schema, isRequired: false)
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) -> KeyedDecodingContainer<NestedKey> {
        child(for: key.stringValue).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer {
        child(for: key.stringValue).unkeyedContainer()
    }

    func superDecoder() -> any Decoder {
        child(for: JSONCodingKey.superKey.stringValue)
    }

    func superDecoder(forKey key: Key) -> any Decoder {
        child(for: key.stringValue)
    }

    private func child(for key: String) -> JSONSchemaTracerNode {
        let child = JSONSchemaTracerNode(tracer: node.tracer)
        node.builder.adopt(child.builder, as: key)
        return child
    }

    private func primitive<P: JSONSchemaTracedPrimitive>(_ key: Key, isRequired: Bool) -> P {
        node.builder.record(key.stringValue, P.tracedSchema, isRequired: isRequired)
        return P.tracedPlaceholder
    }
}
