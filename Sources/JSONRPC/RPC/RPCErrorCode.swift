/// The error codes of JSON-RPC 2.0 and the application range socd uses.
///
/// Application errors carry a stable `data.kind` string beside the number so that clients can
/// switch on a name rather than a magic number.
package enum RPCErrorCode {
    package static let parseError = -32700
    package static let invalidRequest = -32600
    package static let methodNotFound = -32601
    package static let invalidParams = -32602
    package static let internalError = -32603

    package static let notFound = -32001
    package static let conflict = -32002
    package static let permissionDenied = -32003
    package static let invalidState = -32004
    package static let storage = -32005
    package static let overloaded = -32006

    /// Every code with its `data.kind` and a one-line meaning, for documentation and `rpc.discover`.
    package static let catalog: [(code: Int, kind: String, meaning: String)] = [
        (parseError, "parseError", "The line is not valid JSON (or not valid UTF-8)."),
        (invalidRequest, "invalidRequest", "The JSON is not a valid JSON-RPC 2.0 request, or the line is too long."),
        (methodNotFound, "methodNotFound", "No method of that name."),
        (invalidParams, "invalidParams", "A parameter is missing, unknown or of the wrong type; data.field names it."),
        (internalError, "internal", "socd failed to handle the request; details are in its log."),
        (notFound, "notFound", "The object named by the request does not exist."),
        (conflict, "conflict", "The request conflicts with existing state."),
        (permissionDenied, "permissionDenied", "The caller may read but not change state."),
        (invalidState, "invalidState", "The object is not in a state that allows this request."),
        (storage, "storage", "The database could not persist the change (disk full, read-only, I/O error)."),
        (overloaded, "overloaded", "socd is shedding load; retry later."),
    ]
}
