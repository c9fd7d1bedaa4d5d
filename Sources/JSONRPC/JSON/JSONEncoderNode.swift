/// A container whose final `JSONValue` is only known once encoding has finished, such as a
/// nested container handed out before its members were written.
protocol JSONDeferredValue: AnyObject {
    func finishedValue() -> JSONValue
}

/// The `Encoder` for one value inside a `JSONValueEncoder.encode` call.
final class JSONEncoderNode: Encoder {
    private enum Storage {
        case empty
        case value(JSONValue)
        case object(JSONObjectBuilder)
        case array(JSONArrayBuilder)
    }

    private var storage = Storage.empty
    let parent: JSONEncoderNode?
    let key: (any CodingKey)?

    init(parent: JSONEncoderNode?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: JSONEncoderNode? = self
        while let current = node, let key = current.key {
            keys.append(key)
            node = current.parent
        }
        return keys.reversed()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let builder: JSONObjectBuilder
        if case .object(let existing) = storage {
            builder = existing
        } else {
            builder = JSONObjectBuilder()
            storage = .object(builder)
        }
        return KeyedEncodingContainer(JSONKeyedEncodingContainer<Key>(node: self, builder: builder))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let builder: JSONArrayBuilder
        if case .array(let existing) = storage {
            builder = existing
        } else {
            builder = JSONArrayBuilder()
            storage = .array(builder)
        }
        return JSONUnkeyedEncodingContainer(node: self, builder: builder)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        self
    }

    /// Stores a finished value directly, as `JSONValue`'s own `encode(to:)` does.
    func store(_ value: JSONValue) {
        storage = .value(value)
    }

    /// Encodes `value` as a child at `key`, taking the common primitives without a child node.
    func encodeChild<T: Encodable>(_ value: T, at key: any CodingKey) throws -> JSONValue {
        if let json = value as? JSONValue { return json }
        if let string = value as? String { return .string(string) }
        if let integer = value as? Int { return .int(integer) }
        if let flag = value as? Bool { return .bool(flag) }
        let child = JSONEncoderNode(parent: self, key: key)
        try value.encode(to: child)
        return child.finishedValue()
    }
}

extension JSONEncoderNode: JSONDeferredValue {
    /// What was encoded here; a type that encoded nothing at all becomes `null`.
    func finishedValue() -> JSONValue {
        switch storage {
        case .empty: .null
        case .value(let value): value
        case .object(let builder): builder.finishedValue()
        case .array(let builder): builder.finishedValue()
        }
    }
}

extension JSONEncoderNode: SingleValueEncodingContainer {
    func encodeNil() { store(.null) }
    func encode(_ value: Bool) { store(.bool(value)) }
    func encode(_ value: String) { store(.string(value)) }
    func encode(_ value: Double) { store(.double(value)) }
    func encode(_ value: Float) { store(JSONBoxing.box(value)) }
    func encode(_ value: Int) { store(.int(value)) }
    func encode(_ value: Int8) { store(.int(Int(value))) }
    func encode(_ value: Int16) { store(.int(Int(value))) }
    func encode(_ value: Int32) { store(.int(Int(value))) }
    func encode(_ value: Int64) { store(.int(Int(value))) }
    func encode(_ value: UInt) { store(JSONBoxing.box(value)) }
    func encode(_ value: UInt8) { store(.int(Int(value))) }
    func encode(_ value: UInt16) { store(.int(Int(value))) }
    func encode(_ value: UInt32) { store(.int(Int(value))) }
    func encode(_ value: UInt64) { store(JSONBoxing.box(value)) }

    func encode<T: Encodable>(_ value: T) throws {
        if let json = value as? JSONValue {
            store(json)
        } else {
            try value.encode(to: self)
        }
    }
}

/// Conversions to `JSONValue` that are not a plain case wrap.
enum JSONBoxing {
    /// Integers beyond `Int` become doubles, the way the parser reads them back.
    static func box<T: BinaryInteger>(_ value: T) -> JSONValue {
        if let integer = Int(exactly: value) { return .int(integer) }
        return .double(Double(value))
    }

    /// Goes through the float's shortest decimal so that `0.1 as Float` is written `0.1`, not
    /// `0.10000000149011612`.
    static func box(_ value: Float) -> JSONValue {
        guard value.isFinite else { return .double(Double(value)) }
        return .double(Double(value.description) ?? Double(value))
    }
}

/// The members of an object being encoded.
///
/// Members are collected in order and hashed into the object's dictionary once, at its final
/// size, when the object is finished: inserting them one by one rehashed the dictionary every
/// time it grew.
final class JSONObjectBuilder: JSONDeferredValue {
    private var members: [(key: String, value: JSONValue)] = []
    /// Nested containers and super encoders, resolved when the object is finished.
    var deferred: [(key: String, value: any JSONDeferredValue)] = []

    init() {
        members.reserveCapacity(8)
    }

    func append(_ key: String, _ value: JSONValue) {
        members.append((key, value))
    }

    /// A key written twice keeps its last value (a nested container counts as written last).
    func finishedValue() -> JSONValue {
        for (key, value) in deferred { members.append((key, value.finishedValue())) }
        deferred.removeAll()
        var object = [String: JSONValue](minimumCapacity: members.count)
        for (key, value) in members { object[key] = value }
        return .object(object)
    }
}

/// The elements of an array being encoded.
final class JSONArrayBuilder: JSONDeferredValue {
    var elements: [JSONValue] = []
    /// Nested containers and super encoders, resolved when the array is finished.
    var deferred: [(index: Int, value: any JSONDeferredValue)] = []

    func finishedValue() -> JSONValue {
        for (index, value) in deferred { elements[index] = value.finishedValue() }
        deferred.removeAll()
        return .array(elements)
    }
}
