/// The data sources a SOC watches, named by their ECS `event.dataset`.
package enum LogDataset: String, Sendable, Hashable, Codable, CaseIterable {
    /// The router's firewall: one record per decision.
    case firewall
    /// The web server's Apache access log.
    case webAccess = "web.access"
    /// The web server's sshd authentication log.
    case auth
    /// The router's dnsmasq query log.
    case dns
    /// The router's ISC dhcpd lease log.
    case dhcp

    package var title: String {
        switch self {
        case .firewall: "Firewall log"
        case .webAccess: "Web server access log"
        case .auth: "Authentication log"
        case .dns: "DNS query log"
        case .dhcp: "DHCP lease log"
        }
    }

    /// The program whose text format `nativeLine` reproduces.
    package var nativeFormat: String {
        switch self {
        case .firewall: "iptables LOG (kern.log)"
        case .webAccess: "Apache combined log format"
        case .auth: "OpenSSH sshd (auth.log)"
        case .dns: "dnsmasq log-queries"
        case .dhcp: "ISC dhcpd (syslog)"
        }
    }
}
