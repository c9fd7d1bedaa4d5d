/// What a request came to: a result or an error.
package enum RPCOutcome: Sendable {
    case success(JSONValue)
    /// A result already in its JSON form (a constant encoded once).
    case serialized([UInt8])
    case failure(RPCError)
}

/// Writes reply envelopes, the server's hot path.
///
/// The envelope is written by hand around the serialized result, keys in sorted order as the
/// serializer writes them everywhere else, so replies are byte-for-byte stable.
package enum RPCReplyWriter {
    package static func write(id: RPCID, outcome: RPCOutcome, into buffer: inout [UInt8]) {
        switch outcome {
        case .success(let result):
            buffer.append(contentsOf: #"{"id":"#.utf8)
            id.json.serialize(into: &buffer)
            buffer.append(contentsOf: #","jsonrpc":"2.0","result":"#.utf8)
            result.serialize(into: &buffer)
            buffer.append(UInt8(ascii: "}"))
        case .serialized(let result):
            buffer.append(contentsOf: #"{"id":"#.utf8)
            id.json.serialize(into: &buffer)
            buffer.append(contentsOf: #","jsonrpc":"2.0","result":"#.utf8)
            buffer.append(contentsOf: result)
            buffer.append(UInt8(ascii: "}"))
        case .failure(let error):
            buffer.append(contentsOf: #"{"error":"#.utf8)
            error.json.serialize(into: &buffer)
            buffer.append(contentsOf: #","id":"#.utf8)
            id.json.serialize(into: &buffer)
            buffer.append(contentsOf: #","jsonrpc":"2.0"}"#.utf8)
        }
    }

    /// A server-initiated notification line body (no newline).
    package static func writeNotification(method: String, params: JSONValue, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: #"{"jsonrpc":"2.0","method":"#.utf8)
        JSONValue.string(method).serialize(into: &buffer)
        buffer.append(contentsOf: #","params":"#.utf8)
        params.serialize(into: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }
}
