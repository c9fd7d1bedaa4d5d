import JSONRPC

/// The data of a `scenario` topic event.
package struct ScenarioEvent: Codable, Sendable, Hashable {
    package enum Kind: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
        /// A scenario was loaded or reset.
        case loaded
        /// The attack started, protection began or broke, or progress moved by a tenth.
        case progress
        /// The objective was met; `status.flag` holds the flag.
        case solved
        /// The attacker got in; `status.compromise` says how. The scenario is lost until reloaded.
        case compromised
    }

    package var event: Kind
    package var status: ScenarioStatusInfo

    package init(event: Kind, status: ScenarioStatusInfo) {
        self.event = event
        self.status = status
    }
}
