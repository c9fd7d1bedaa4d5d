/// How the attacker got in, fixed at the tick it happened: a malicious login a server accepted.
/// The scenario is lost from then on and can only be reloaded.
package struct ScenarioCompromise: Sendable, Hashable, Codable {
    package var tick: Int64
    /// The host that accepted the login, as the topology names it (`web-server`).
    package var host: String
    /// The service it came in through, as the host lists it (`ssh`).
    package var service: String
    package var port: UInt16
    /// The account the attacker logged in as.
    package var user: String

    package init(tick: Int64, host: String, service: String, port: UInt16, user: String) {
        self.tick = tick
        self.host = host
        self.service = service
        self.port = port
        self.user = user
    }
}
