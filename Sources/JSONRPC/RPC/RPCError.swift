/// A JSON-RPC error object, and the one error type handlers throw to choose what the client sees.
///
/// Build them with the factories below rather than from raw codes: each factory fixes the code,
/// the `data.kind` and the shape of `data`, so every error of one kind looks the same on the wire.
package struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    package var code: Int
    package var message: String
    package var data: JSONValue?

    package init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The stable name of this error's kind, from `data.kind`.
    package var kind: String? { data?["kind"]?.stringValue }

    package var json: JSONValue {
        var members: [String: JSONValue] = ["code": .int(code), "message": .string(message)]
        if let data { members["data"] = data }
        return .object(members)
    }

    /// Reads an error object from a reply; nil when it lacks an integer code or a string message.
    package init?(json: JSONValue) {
        guard let code = json["code"]?.intValue, let message = json["message"]?.stringValue else { return nil }
        self.init(code: code, message: message, data: json["data"])
    }

    package var description: String { "\(message) (\(code))" }

    private static func make(
        _ code: Int, _ kind: String, _ message: String, _ extra: [String: JSONValue] = [:]
    )
        -> RPCError
    {
        var data = extra
        data["kind"] = .string(kind)
        return RPCError(code: code, message: message, data: .object(data))
    }
}

// MARK: - Protocol errors

extension RPCError {
    package static func parseError(_ detail: String) -> RPCError {
        make(RPCErrorCode.parseError, "parseError", "Parse error: \(detail)")
    }

    package static func invalidRequest(_ reason: String) -> RPCError {
        make(RPCErrorCode.invalidRequest, "invalidRequest", "Invalid request: \(reason)")
    }

    package static func methodNotFound(_ method: String) -> RPCError {
        make(RPCErrorCode.methodNotFound, "methodNotFound", "Method not found: \(method)", ["method": .string(method)])
    }

    /// - Parameters:
    ///   - field: the path of the offending parameter (`rules[2].dport`), or nil for the params as a whole.
    ///   - reason: what was wrong and what was expected (`expected integer, got string`).
    package static func invalidParams(field: String?, _ reason: String) -> RPCError {
        let message = field.map { "Invalid params: \($0): \(reason)" } ?? "Invalid params: \(reason)"
        var extra: [String: JSONValue] = ["reason": .string(reason)]
        if let field { extra["field"] = .string(field) }
        return make(RPCErrorCode.invalidParams, "invalidParams", message, extra)
    }

    /// Deliberately says nothing of the cause: internals stay in the daemon's log.
    package static func internalError() -> RPCError {
        make(RPCErrorCode.internalError, "internal", "Internal error")
    }
}

// MARK: - Application errors

extension RPCError {
    package static func notFound(_ message: String, _ extra: [String: JSONValue] = [:]) -> RPCError {
        make(RPCErrorCode.notFound, "notFound", message, extra)
    }

    package static func conflict(_ message: String, _ extra: [String: JSONValue] = [:]) -> RPCError {
        make(RPCErrorCode.conflict, "conflict", message, extra)
    }

    package static func permissionDenied(_ message: String, _ extra: [String: JSONValue] = [:]) -> RPCError {
        make(RPCErrorCode.permissionDenied, "permissionDenied", message, extra)
    }

    package static func invalidState(_ message: String, _ extra: [String: JSONValue] = [:]) -> RPCError {
        make(RPCErrorCode.invalidState, "invalidState", message, extra)
    }

    package static func storage(_ message: String, _ extra: [String: JSONValue] = [:]) -> RPCError {
        make(RPCErrorCode.storage, "storage", message, extra)
    }

    package static func overloaded(_ message: String, _ extra: [String: JSONValue] = [:]) -> RPCError {
        make(RPCErrorCode.overloaded, "overloaded", message, extra)
    }
}

extension RPCError {
    /// The JSON-RPC error an error stands for, or nil when it has none (it is then internal).
    package init?(converting error: any Error) {
        switch error {
        case let error as RPCError: self = error
        case let error as any RPCErrorConvertible: self = error.rpcError
        default: return nil
        }
    }
}

/// Adopted by errors of other modules that know which JSON-RPC error they are (a store failure
/// is `storage`, a missing rule `notFound`), so that the dispatcher converts them in one place.
package protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}
