import JSONRPC
import SocProtocol

/// How `socctl events` prints one event for people:
/// `HH:MM:SS.mmm topic   summary`, the topic padded so that summaries line up.
package enum EventLine {
    /// The widest topic name, so that every summary starts in the same column.
    static let topicWidth = EventTopic.allCases.map(\.rawValue.count).max() ?? 0

    package static func format(_ event: EventNotification, at time: LocalTime) -> String {
        let topic = event.topic.rawValue
        let padding = String(repeating: " ", count: max(0, topicWidth - topic.count))
        return "\(time) \(topic)\(padding)  \(summary(topic: event.topic, data: event.data))"
    }

    /// The data of an event on one line.
    ///
    /// Audit entries read like a sentence (`#12 system.setLogLevel ok by uid 0 pid 4242`), alerts
    /// and incidents name what they are about (`raised #3 high request-flood from 198.51.100.7 x1:
    /// ...`); other
    /// objects become `key=value` pairs in key order, led by the bare value of their `event`
    /// member when they have one (`logLevelChanged level=debug previous=info`).
    package static func summary(topic: EventTopic, data: JSONValue) -> String {
        if topic == .audit, let entry = try? JSONValueDecoder().decode(AuditEntry.self, from: data) {
            return auditSummary(entry)
        }
        if topic == .alerts, let event = data["event"]?.stringValue,
            let alert = data["alert"].flatMap({ try? JSONValueDecoder().decode(AlertInfo.self, from: $0) })
        {
            return
                "\(event) #\(alert.id) \(alert.severity) \(alert.detection) from \(alert.source) x\(alert.count): \(alert.summary)"
        }
        if topic == .incidents, let event = data["event"]?.stringValue,
            let incident = data["incident"].flatMap({ try? JSONValueDecoder().decode(IncidentInfo.self, from: $0) })
        {
            return "\(event) #\(incident.id) \(incident.status) \(incident.severity): \(incident.title)"
        }
        guard case .object(var members) = data else { return data.serializedString }
        var parts: [String] = []
        if case .string(let name)? = members["event"] {
            parts.append(word(name))
            members["event"] = nil
        }
        for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            parts.append("\(key)=\(word(members[key]!))")
        }
        return parts.joined(separator: " ")
    }

    private static func auditSummary(_ entry: AuditEntry) -> String {
        var text = "#\(entry.id) \(entry.method) \(entry.outcome) by uid \(entry.uid) pid \(entry.pid)"
        if let params = entry.params, params != .object([:]) { text += " params=\(params.serializedString)" }
        if let error = entry.error { text += ": \(error.message)" }
        return text
    }

    /// A value as one word: strings bare when that cannot be misread, everything else as JSON.
    private static func word(_ value: JSONValue) -> String {
        if case .string(let text) = value, !text.isEmpty,
            !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline })
        {
            return text
        }
        return value.serializedString
    }

    /// A string as one word, as `word(_:)` writes string values.
    private static func word(_ text: String) -> String { word(.string(text)) }
}
