/// The `Decoder` for one value inside a `JSONValueDecoder.decode` call.
///
/// Nodes know their parent instead of carrying a coding path array, so descending costs one
/// small allocation and paths are only built when an error or a type asks for them.
final class JSONDecoderNode: Decoder {
    enum PathComponent {
        case root
        case key(String)
        case index(Int)
    }

    let value: JSONValue
    let parent: JSONDecoderNode?
    let component: PathComponent
    let context: JSONDecodingContext
    /// Member names asked for through keyed containers; recorded only when unknown keys are rejected.
    private(set) var askedKeys: [String] = []
    /// Set once a keyed container listed `allKeys`: the type takes whatever members there are.
    var acceptsAllKeys = false
    private var isTracked = false

    init(value: JSONValue, parent: JSONDecoderNode?, component: PathComponent, context: JSONDecodingContext) {
        self.value = value
        self.parent = parent
        self.component = component
        self.context = context
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: JSONDecoderNode? = self
        while let current = node {
            switch current.component {
            case .root: break
            case .key(let name): keys.append(JSONCodingKey(stringValue: name))
            case .index(let index): keys.append(JSONCodingKey(index: index))
            }
            node = current.parent
        }
        return keys.reversed()
    }

    /// The member path from the root, as `JSONDecodingError.path` spells it.
    var path: [String] {
        var components: [String] = []
        var node: JSONDecoderNode? = self
        while let current = node {
            switch current.component {
            case .root: break
            case .key(let name): components.append(name)
            case .index(let index): components.append("[\(index)]")
            }
            node = current.parent
        }
        return components.reversed()
    }

    @inline(__always)
    func noteAsked(_ key: String) {
        if context.rejectsUnknownKeys { askedKeys.append(key) }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw JSONDecodingError.typeMismatch(expected: "object", got: value, at: path)
        }
        if context.rejectsUnknownKeys && !isTracked {
            isTracked = true
            context.track(self)
        }
        return KeyedDecodingContainer(JSONKeyedDecodingContainer<Key>(node: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw JSONDecodingError.typeMismatch(expected: "array", got: value, at: path)
        }
        return JSONUnkeyedDecodingContainer(node: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        self
    }

    /// Decodes a value that sits at `component` below this node.
    func decodeChild<T: Decodable>(_ type: T.Type, from value: JSONValue, at component: PathComponent) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        if T.self == String.self, case .string(let string) = value { return string as! T }
        if T.self == Int.self, case .int(let integer) = value { return integer as! T }
        if T.self == Bool.self, case .bool(let flag) = value { return flag as! T }
        let child = JSONDecoderNode(value: value, parent: self, component: component, context: context)
        return try child.decodeValue(T.self)
    }

    /// Runs `T.init(from:)` on this node, turning foreign errors into path-carrying ones.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        if let enumeration = T.self as? any JSONSchemaEnum.Type {
            try Self.checkEnumerationValue(value, allowed: enumeration.jsonSchemaRawValues, at: path)
        }
        do {
            return try T(from: self)
        } catch {
            throw JSONDecodingError.adopting(error, at: path)
        }
    }
}

extension JSONDecoderNode {
    /// Names the allowed values, which the synthesized `init(from:)` of a raw-value enum does not.
    fileprivate static func checkEnumerationValue(_ value: JSONValue, allowed: [String], at path: [String]) throws {
        guard case .string(let raw) = value else {
            throw JSONDecodingError.typeMismatch(expected: "string", got: value, at: path)
        }
        guard allowed.contains(raw) else {
            let quoted = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            throw JSONDecodingError(path: path, message: "\"\(raw)\" is not one of \(quoted)")
        }
    }
}

extension JSONDecoderNode: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try JSONUnboxing.bool(value, at: path) }
    func decode(_ type: String.Type) throws -> String { try JSONUnboxing.string(value, at: path) }
    func decode(_ type: Double.Type) throws -> Double { try JSONUnboxing.double(value, at: path) }
    func decode(_ type: Float.Type) throws -> Float { try JSONUnboxing.float(value, at: path) }
    func decode(_ type: Int.Type) throws -> Int { try JSONUnboxing.integer(value, at: path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try JSONUnboxing.integer(value, at: path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try JSONUnboxing.integer(value, at: path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try JSONUnboxing.integer(value, at: path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try JSONUnboxing.integer(value, at: path) }
    func decode(_ type: UInt.Type) throws -> UInt { try JSONUnboxing.integer(value, at: path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONUnboxing.integer(value, at: path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONUnboxing.integer(value, at: path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONUnboxing.integer(value, at: path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONUnboxing.integer(value, at: path) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(T.self) }
}
