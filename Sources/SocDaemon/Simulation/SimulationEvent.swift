import JSONRPC
import SocProtocol

/// An event produced while the simulation's lock was held, published once it is released (or,
/// for a change, once the change is durable).
struct SimulationEvent: Sendable {
    var topic: EventTopic
    var data: JSONValue

    init(_ topic: EventTopic, _ data: JSONValue) {
        self.topic = topic
        self.data = data
    }

    init(_ topic: EventTopic, encoding value: some Encodable) {
        self.topic = topic
        // Encoding the API's own value types cannot fail; `.null` keeps a publisher total.
        data = (try? JSONValueEncoder().encode(value)) ?? .null
    }
}
