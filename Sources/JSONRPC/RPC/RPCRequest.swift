/// One JSON-RPC request (or notification, when `id` is nil) as the server received it.
package struct RPCRequest: Sendable {
    package var id: RPCID?
    package var method: String
    /// An object, an array, or nil when the member was absent.
    package var params: JSONValue?

    package init(id: RPCID?, method: String, params: JSONValue?) {
        self.id = id
        self.method = method
        self.params = params
    }

    package var isNotification: Bool { id == nil }
}

extension RPCRequest {
    /// Classifies one element of a message (a whole message, or one member of a batch).
    ///
    /// Returns the request, or the error to answer it with and the id to answer it under. The
    /// id of an invalid request is echoed when it is itself well-formed, so that a pipelining
    /// client can tell which of its requests failed; otherwise it is null, as the spec says.
    package static func classify(_ value: JSONValue) -> Result<RPCRequest, RPCRequestError> {
        guard case .object(let members) = value else {
            return .failure(
                RPCRequestError(id: .null, error: .invalidRequest("expected an object, got \(value.typeName)")))
        }
        return classify(RPCEnvelope(members: members))
    }

    /// Classifies a message object from the members that JSON-RPC gives a meaning to.
    static func classify(_ envelope: RPCEnvelope) -> Result<RPCRequest, RPCRequestError> {
        let rawID = envelope.id
        let version = envelope.version
        let rawMethod = envelope.method
        let params = envelope.params
        let looksLikeResponse = envelope.looksLikeResponse
        var id: RPCID? = nil
        if let rawID {
            guard let parsed = RPCID(rawID) else {
                return .failure(
                    RPCRequestError(
                        id: .null, error: .invalidRequest("id must be a string, number or null, got \(rawID.typeName)"))
                )
            }
            id = parsed
        }
        let replyID = id ?? .null
        guard let version else {
            return .failure(RPCRequestError(id: replyID, error: .invalidRequest("missing \"jsonrpc\": \"2.0\"")))
        }
        guard case .string("2.0") = version else {
            return .failure(
                RPCRequestError(id: replyID, error: .invalidRequest("jsonrpc must be \"2.0\", got \(version)")))
        }
        guard let rawMethod else {
            let reason = looksLikeResponse ? "a response is not a request; missing \"method\"" : "missing \"method\""
            return .failure(RPCRequestError(id: replyID, error: .invalidRequest(reason)))
        }
        guard case .string(let method) = rawMethod else {
            return .failure(
                RPCRequestError(
                    id: replyID, error: .invalidRequest("method must be a string, got \(rawMethod.typeName)")))
        }
        switch params {
        case nil, .object?, .array?: break
        case let other?:
            return .failure(
                RPCRequestError(
                    id: replyID, error: .invalidRequest("params must be an object or an array, got \(other.typeName)")))
        }
        return .success(RPCRequest(id: id, method: method, params: params))
    }
}

/// A message element that is not a valid request, with the id its error reply carries.
package struct RPCRequestError: Error, Sendable {
    package var id: RPCID
    package var error: RPCError
}
