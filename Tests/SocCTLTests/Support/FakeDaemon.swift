import JSONRPC

/// Scripts for `FakeServer` that answer by method name, the way socd would for a fixed state.
enum FakeDaemon {
    /// Answers each method in `results` with its result and each in `errors` with its error;
    /// anything else gets -32601.
    static func answering(
        _ results: [String: JSONValue], errors: [String: RPCError] = [:]
    ) -> FakeServer.Script {
        { request, _ in
            let method = request["method"]?.stringValue ?? ""
            if let result = results[method] { return .lines(FakeServer.result(result, for: request)) }
            let error = errors[method] ?? .methodNotFound(method)
            return .lines(FakeServer.error(error, for: request))
        }
    }

    /// A `system.status` result with fixed figures.
    static let status: JSONValue = [
        "pid": 4242, "startedAt": "2026-12-04T10:00:00.000Z", "uptimeSeconds": 3725.5, "listener": "activated",
        "socketPath": "/run/socd/socd.sock", "stateDirectory": "/var/lib/socd", "connections": 2,
        "connectionsTotal": 17, "requestsTotal": 230, "subscriptions": 1, "logLevel": "info",
        "residentBytes": 12_897_484,
    ]

    static let version: JSONValue = ["socd": "0.1.0", "revision": "abc123", "protocol": "1.0", "sqlite": "3.40.1"]
}
