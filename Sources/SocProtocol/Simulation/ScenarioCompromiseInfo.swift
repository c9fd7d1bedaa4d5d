import JSONRPC

/// How the attacker got in, in a lost scenario: a malicious login a server accepted.
package struct ScenarioCompromiseInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var tick: Int
    package var host: String
    package var service: String
    package var port: Int
    package var user: String

    package init(tick: Int, host: String, service: String, port: Int, user: String) {
        self.tick = tick
        self.host = host
        self.service = service
        self.port = port
        self.user = user
    }

    package static let fieldDescriptions = [
        "tick": "The tick the server accepted the attacker's login.",
        "host": "The host that accepted it (see topology.get).",
        "service": "The service it came in through, as the host lists it (ssh).",
        "port": "That service's port.",
        "user": "The account the attacker logged in as.",
    ]
}
