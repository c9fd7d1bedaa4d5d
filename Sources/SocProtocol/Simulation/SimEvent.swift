import JSONRPC

/// The data of a `sim` topic event: a summary once a second while the clock runs, and one for
/// every change of the clock (`paused`, `resumed`, `speed`, `stepped`, `reset`).
package struct SimEvent: Codable, Sendable, Hashable {
    package enum Kind: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
        case summary, paused, resumed, speed, stepped, reset
    }

    package var event: Kind
    package var status: SimStatusInfo
    /// What happened since the previous summary (summaries only).
    package var delta: SimCounters?

    package init(event: Kind, status: SimStatusInfo, delta: SimCounters? = nil) {
        self.event = event
        self.status = status
        self.delta = delta
    }
}
