/// What a packet carries, at the level of detail the data sources log.
package enum PacketPayload: Sendable, Hashable, Codable {
    case http(HTTPRequest)
    /// An encrypted session from the LAN to an outside site; only the SNI name is visible.
    case tls(serverName: String)
    case dnsQuery(name: String, type: DNSRecordType)
    case dhcp(DHCPMessage)
    case sshLogin(SSHLoginAttempt)
    /// A bare TCP SYN, as a port scanner sends: it asks whether the port is open and carries no
    /// data, so only the firewall log records it.
    case connectionProbe

    /// A few words for a packet list: `GET /login`, `DNS A example.com`, `DHCPREQUEST`, `SYN probe`.
    package var summary: String {
        switch self {
        case .http(let request): "\(request.method.rawValue) \(request.path)"
        case .tls(let serverName): "TLS \(serverName)"
        case .dnsQuery(let name, let type): "DNS \(type.rawValue) \(name)"
        case .dhcp(let message): message.kind.rawValue
        case .sshLogin(let attempt): "SSH login \(attempt.user)"
        case .connectionProbe: "SYN probe"
        }
    }
}
