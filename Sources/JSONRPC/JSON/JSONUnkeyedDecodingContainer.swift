/// Reads the elements of one JSON array in order.
struct JSONUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let node: JSONDecoderNode
    let elements: [JSONValue]
    private(set) var currentIndex = 0

    init(node: JSONDecoderNode, elements: [JSONValue]) {
        self.node = node
        self.elements = elements
    }

    var codingPath: [any CodingKey] { node.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private func path(_ index: Int) -> [String] { node.path + ["[\(index)]"] }

    /// The next element and its position; the caller advances only on success.
    private func peek() throws(JSONDecodingError) -> JSONValue {
        guard currentIndex < elements.count else { throw .missing(at: path(currentIndex)) }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard try peek() == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let value: Bool = try JSONUnboxing.bool(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let value: String = try JSONUnboxing.string(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let value: Double = try JSONUnboxing.double(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        let value: Float = try JSONUnboxing.float(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        let value: Int = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        let value: Int8 = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        let value: Int16 = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        let value: Int32 = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let value: Int64 = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: UInt.Type) throws -> UInt {
        let value: UInt = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        let value: UInt8 = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        let value: UInt16 = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        let value: UInt32 = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        let value: UInt64 = try JSONUnboxing.integer(peek(), at: path(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try node.decodeChild(T.self, from: peek(), at: .index(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try nextChild().container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try nextChild().unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try nextChild()
        currentIndex += 1
        return decoder
    }

    private func nextChild() throws(JSONDecodingError) -> JSONDecoderNode {
        JSONDecoderNode(value: try peek(), parent: node, component: .index(currentIndex), context: node.context)
    }
}
