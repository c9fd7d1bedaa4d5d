import JSONRPC
import SocProtocol

/// A wire type that events carry whole (a rule, an alert, an incident, an audit entry).
protocol EventPayload: Encodable {}

extension EventPayload {
    /// This value as the JSON an event carries. Our wire types always encode; were one not to,
    /// the event carries null rather than failing the change that published it.
    var json: JSONValue { (try? JSONValueEncoder().encode(self)) ?? .null }
}

extension RuleInfo: EventPayload {}
extension AlertInfo: EventPayload {}
extension IncidentInfo: EventPayload {}
extension AuditEntry: EventPayload {}
