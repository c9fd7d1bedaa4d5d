import JSONRPC

/// The data sources `logs.tail` reads, named by their ECS `event.dataset`.
package enum LogSourceName: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
    /// The router's firewall: one record per decision.
    case firewall
    /// The web server's access log.
    case webAccess = "web.access"
    /// The web server's sshd log.
    case auth
    /// The router's DNS query log.
    case dns
    /// The router's DHCP lease log.
    case dhcp
}
