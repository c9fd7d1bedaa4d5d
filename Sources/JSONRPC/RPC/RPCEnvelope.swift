/// The members of a message object that JSON-RPC gives a meaning to; all others are ignored.
///
/// A request line is read straight into this (`RPCMessage.parse`) rather than into a
/// `JSONValue` object first: only `params` can be large, and it is kept as parsed.
struct RPCEnvelope {
    var id: JSONValue?
    var version: JSONValue?
    var method: JSONValue?
    var params: JSONValue?
    /// Whether `result` or `error` appeared: a response sent to the server by mistake.
    var looksLikeResponse = false

    init() {}

    /// The envelope of an object that was parsed whole (an element of a batch).
    init(members: [String: JSONValue]) {
        for (key, value) in members {
            var key = key
            key.withUTF8 { take($0, value) }
        }
    }

    /// Files one member. A repeated member replaces the earlier one, as it would in an object.
    mutating func take(_ key: UnsafeBufferPointer<UInt8>, _ value: consuming JSONValue) {
        switch key.count {
        case 2 where Self.matches(key, "id"): id = value
        case 7 where Self.matches(key, "jsonrpc"): version = value
        case 6 where Self.matches(key, "method"): method = value
        case 6 where Self.matches(key, "params"): params = value
        case 6 where Self.matches(key, "result"), 5 where Self.matches(key, "error"): looksLikeResponse = true
        default: break
        }
    }

    @inline(__always)
    private static func matches(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        key.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }
}

/// One parsed request line.
enum RPCMessage {
    case single(RPCEnvelope)
    case batch([JSONValue])
    /// Valid JSON that is neither an object nor an array.
    case other(JSONValue)

    static func parse(_ line: ArraySlice<UInt8>) throws(JSONParseError) -> RPCMessage {
        let parsed = line.withUnsafeBufferPointer { bytes in
            Result { () throws(JSONParseError) -> RPCMessage in
                var parser = JSONParser(bytes: bytes, maxDepth: JSONValue.defaultMaximumDepth)
                var envelope = RPCEnvelope()
                if try parser.parseObjectMembers({ envelope.take($0, $1) }) { return .single(envelope) }
                let value = try parser.parseDocument()
                if case .array(let elements) = value { return .batch(elements) }
                return .other(value)
            }
        }
        return try parsed.get()
    }
}
