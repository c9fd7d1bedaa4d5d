import JSONRPC
import SocProtocol
import Synchronization

/// Subscriptions and the fan-out of events to the connections that asked for them.
///
/// Publishing is safe from any thread and never blocks on a subscriber: each line is posted
/// to the subscriber's event loop, which cuts off a connection whose unsent output grows past
/// the bound. The event's data is serialized once, whatever the number of subscribers.
package final class EventBus: Sendable {
    private struct Subscription: Sendable {
        var topics: Set<EventTopic>
        var connection: ConnectionHandle
    }

    private struct State: Sendable {
        var nextID = 1
        var subscriptions: [Int: Subscription] = [:]
        var byConnection: [UInt64: Set<Int>] = [:]
    }

    private let state = Mutex(State())

    package init() {}

    package var subscriptionCount: Int { state.withLock { $0.subscriptions.count } }

    /// Subscribes a connection to `topics` (all topics when empty) and returns the subscription id.
    package func subscribe(_ connection: ConnectionHandle, topics: Set<EventTopic>) -> Int {
        let topics = topics.isEmpty ? Set(EventTopic.allCases) : topics
        return state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.subscriptions[id] = Subscription(topics: topics, connection: connection)
            state.byConnection[connection.id, default: []].insert(id)
            return id
        }
    }

    /// Ends a subscription, only if it belongs to `connection`. Returns whether it did.
    package func unsubscribe(_ id: Int, connection: ConnectionHandle) -> Bool {
        state.withLock { state in
            guard let subscription = state.subscriptions[id], subscription.connection == connection else {
                return false
            }
            state.subscriptions[id] = nil
            state.byConnection[connection.id]?.remove(id)
            return true
        }
    }

    /// Forgets every subscription of a connection that has closed.
    package func removeAll(for connection: ConnectionHandle) {
        state.withLock { state in
            guard let ids = state.byConnection.removeValue(forKey: connection.id) else { return }
            for id in ids { state.subscriptions[id] = nil }
        }
    }

    /// Whether anyone listens to `topic`, so that publishers can skip building costly events.
    package func hasSubscribers(_ topic: EventTopic) -> Bool {
        state.withLock { state in state.subscriptions.values.contains { $0.topics.contains(topic) } }
    }

    /// Sends `data` to every subscriber of `topic`. `data` is built only when somebody listens:
    /// most changes happen with no subscriber, and encoding a rule or an incident for nobody
    /// was a sixth of a `rules.add`.
    package func publish(_ topic: EventTopic, _ data: @autoclosure () -> JSONValue) {
        let targets: [(Int, ConnectionHandle)] = state.withLock { state in
            state.subscriptions.compactMap { id, subscription in
                subscription.topics.contains(topic) ? (id, subscription.connection) : nil
            }
        }
        guard !targets.isEmpty else { return }
        // {"jsonrpc":"2.0","method":"events.event","params":{"data":…,"subscription":N,"topic":"…"}}
        var prefix: [UInt8] = []
        prefix.append(contentsOf: #"{"jsonrpc":"2.0","method":"events.event","params":{"data":"#.utf8)
        data().serialize(into: &prefix)
        prefix.append(contentsOf: #","subscription":"#.utf8)
        var suffix: [UInt8] = Array(#","topic":"#.utf8)
        JSONValue.string(topic.rawValue).serialize(into: &suffix)
        suffix.append(contentsOf: "}}\n".utf8)
        for (id, connection) in targets {
            var line = prefix
            line.append(contentsOf: String(id).utf8)
            line.append(contentsOf: suffix)
            connection.send(line)
        }
    }
}
