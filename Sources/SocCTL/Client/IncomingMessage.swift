import JSONRPC

/// One line the daemon sent, classified: a reply to a request, or a notification.
package enum IncomingMessage: Sendable, Hashable {
    case reply(id: RPCID, outcome: Outcome)
    case notification(RPCNotification)

    package enum Outcome: Sendable, Hashable {
        case result(JSONValue)
        case error(RPCError)
    }

    /// Classifies one line; the thrown text says what is wrong with it (and becomes part of a
    /// `ClientError.protocolViolation`).
    package init(line: some Collection<UInt8>) throws(IncomingMessageError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: line)
        } catch {
            throw IncomingMessageError("unparsable JSON (\(error))")
        }
        guard case .object(let members) = value else {
            throw IncomingMessageError("expected a JSON object, got \(value.typeName)")
        }
        guard members["jsonrpc"] == .string("2.0") else {
            throw IncomingMessageError("missing \"jsonrpc\": \"2.0\"")
        }
        if let method = members["method"] {
            guard case .string(let name) = method, members["id"] == nil else {
                // A request from the server: socd never sends one, and we could not answer it.
                throw IncomingMessageError("unexpected request from the server")
            }
            self = .notification(RPCNotification(method: name, params: members["params"]))
            return
        }
        guard let rawID = members["id"], let id = RPCID(rawID) else {
            throw IncomingMessageError("a reply without a valid \"id\"")
        }
        switch (members["result"], members["error"]) {
        case (let result?, nil):
            self = .reply(id: id, outcome: .result(result))
        case (nil, let error?):
            guard let error = RPCError(json: error) else {
                throw IncomingMessageError("an error without an integer \"code\" and a string \"message\"")
            }
            self = .reply(id: id, outcome: .error(error))
        default:
            throw IncomingMessageError("a reply must have exactly one of \"result\" and \"error\"")
        }
    }
}
