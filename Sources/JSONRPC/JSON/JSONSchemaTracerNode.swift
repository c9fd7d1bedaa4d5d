/// The `Decoder` the schema tracer hands to `init(from:)`.
final class JSONSchemaTracerNode: Decoder {
    let tracer: JSONSchemaTracer
    let builder = JSONSchemaBuilder()

    init(tracer: JSONSchemaTracer) {
        self.tracer = tracer
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        builder.markObject()
        return KeyedDecodingContainer(JSONSchemaTracingKeyedContainer<Key>(node: self))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer {
        builder.schema.type = .array
        return JSONSchemaTracingUnkeyedContainer(node: self)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        self
    }
}

extension JSONSchemaTracerNode: SingleValueDecodingContainer {
    func decodeNil() -> Bool { false }

    func decode(_ type: Bool.Type) -> Bool { primitive() }
    func decode(_ type: String.Type) -> String { primitive() }
    func decode(_ type: Double.Type) -> Double { primitive() }
    func decode(_ type: Float.Type) -> Float { primitive() }
    func decode(_ type: Int.Type) -> Int { primitive() }
    func decode(_ type: Int8.Type) -> Int8 { primitive() }
    func decode(_ type: Int16.Type) -> Int16 { primitive() }
    func decode(_ type: Int32.Type) -> Int32 { primitive() }
    func decode(_ type: Int64.Type) -> Int64 { primitive() }
    func decode(_ type: UInt.Type) -> UInt { primitive() }
    func decode(_ type: UInt8.Type) -> UInt8 { primitive() }
    func decode(_ type: UInt16.Type) -> UInt16 { primitive() }
    func decode(_ type: UInt32.Type) -> UInt32 { primitive() }
    func decode(_ type: UInt64.Type) -> UInt64 { primitive() }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (schema, value) = try tracer.trace(T.self)
        builder.schema = schema
        return value
    }

    private func primitive<P: JSONSchemaTracedPrimitive>() -> P {
        builder.schema = P.tracedSchema
        return P.tracedPlaceholder
    }
}
