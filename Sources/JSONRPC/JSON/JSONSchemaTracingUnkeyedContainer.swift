/// Yields one element and then reports its end, so that the element type's schema becomes
/// the array's `items`. In a recursive placeholder it yields none.
struct JSONSchemaTracingUnkeyedContainer: UnkeyedDecodingContainer {
    let node: JSONSchemaTracerNode
    let count: Int?
    private(set) var currentIndex = 0

    init(node: JSONSchemaTracerNode) {
        self.node = node
        self.count = node.tracer.isMinimal ? 0 : 1
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    mutating func decodeNil() -> Bool { false }

    mutating func decode(_ type: Bool.Type) -> Bool { primitive() }
    mutating func decode(_ type: String.Type) -> String { primitive() }
    mutating func decode(_ type: Double.Type) -> Double { primitive() }
    mutating func decode(_ type: Float.Type) -> Float { primitive() }
    mutating func decode(_ type: Int.Type) -> Int { primitive() }
    mutating func decode(_ type: Int8.Type) -> Int8 { primitive() }
    mutating func decode(_ type: Int16.Type) -> Int16 { primitive() }
    mutating func decode(_ type: Int32.Type) -> Int32 { primitive() }
    mutating func decode(_ type: Int64.Type) -> Int64 { primitive() }
    mutating func decode(_ type: UInt.Type) -> UInt { primitive() }
    mutating func decode(_ type: UInt8.Type) -> UInt8 { primitive() }
    mutating func decode(_ type: UInt16.Type) -> UInt16 { primitive() }
    mutating func decode(_ type: UInt32.Type) -> UInt32 { primitive() }
    mutating func decode(_ type: UInt64.Type) -> UInt64 { primitive() }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (schema, value) = try node.tracer.trace(T.self)
        node.builder.setItems(schema)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) -> KeyedDecodingContainer<NestedKey> {
        nextChild().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer {
        nextChild().unkeyedContainer()
    }

    mutating func superDecoder() -> any Decoder {
        nextChild()
    }

    private mutating func nextChild() -> JSONSchemaTracerNode {
        let child = JSONSchemaTracerNode(tracer: node.tracer)
        node.builder.adoptItems(child.builder)
        currentIndex += 1
        return child
    }

    private mutating func primitive<P: JSONSchemaTracedPrimitive>() -> P {
        node.builder.setItems(P.tracedSchema)
        currentIndex += 1
        return P.tracedPlaceholder
    }
}
