import JSONRPC
import SocProtocol

/// A message the daemon sent unasked: a JSON-RPC notification (a `method` and no `id`).
package struct RPCNotification: Sendable, Hashable {
    package var method: String
    package var params: JSONValue?

    package init(method: String, params: JSONValue?) {
        self.method = method
        self.params = params
    }

    /// The event this notification carries when it is an `events.event`; `nil` for other
    /// methods and for params that do not have the event's shape.
    package var event: EventNotification? {
        guard method == EventNotification.method, let params else { return nil }
        return try? JSONValueDecoder().decode(EventNotification.self, from: params)
    }
}
