import JSONRPC
import SocProtocol

/// A result of a rules method in both of its forms: the JSON exactly as socd sent it, which
/// `--json` prints, and the decoded value that the human output is made from.
struct RulesReply<Result> {
    var json: JSONValue
    var result: Result
}

extension RPCClient {
    /// Calls `method` like `call(_:_:)`, keeping the undecoded result as well, so that `--json`
    /// shows every member the daemon sent rather than those this version of socctl knows.
    func callKeepingJSON<Method: SocMethod>(
        _ method: Method.Type, _ params: Method.Params
    ) throws(ClientError) -> RulesReply<Method.Result> {
        let encoded: JSONValue
        do {
            encoded = try JSONValueEncoder().encode(params)
        } catch {
            // Our own params types always encode; failing here is a bug in one of them.
            preconditionFailure("cannot encode the params of \(Method.method): \(error)")
        }
        let json = try call(method: Method.method, params: encoded)
        do {
            return RulesReply(json: json, result: try JSONValueDecoder().decode(Method.Result.self, from: json))
        } catch {
            throw .protocolViolation("the result does not fit: \(error)", socketPath: socketPath, method: Method.method)
        }
    }
}
