import JSONRPC

/// The topics `events.subscribe` offers. Features add theirs here and publish on them.
package enum EventTopic: String, Sendable, Codable, CaseIterable, JSONSchemaEnum {
    /// The daemon itself: start, stop, log level, subscriptions.
    case system
    /// Every entry written to the audit trail, as it is written.
    case audit
    /// Firewall rules added, changed, moved, deleted or expired, and policy changes.
    case rules
    /// The simulation clock: a `SimEvent` summary each second, and every pause, resume, speed
    /// change, step and reset.
    case sim
    /// The scenario: loaded, progress, solved, compromised (`ScenarioEvent`).
    case scenario
    /// Sampled packets with their verdicts (`TrafficEvent`).
    case traffic
    /// SIEM alerts raised, updated (a repeat folded in) or acknowledged:
    /// `{"event": "raised"|"updated"|"acknowledged", "alert": AlertInfo}`.
    case alerts
    /// Incidents opened, changed or noted: `{"event": ..., "incident": IncidentInfo}`.
    case incidents
}

/// The params of an `events.event` notification, the only message socd sends unasked.
package struct EventNotification: Codable, Sendable, Hashable {
    package static let method = "events.event"

    /// The id `events.subscribe` returned.
    package var subscription: Int
    package var topic: EventTopic
    package var data: JSONValue

    package init(subscription: Int, topic: EventTopic, data: JSONValue) {
        self.subscription = subscription
        self.topic = topic
        self.data = data
    }
}
