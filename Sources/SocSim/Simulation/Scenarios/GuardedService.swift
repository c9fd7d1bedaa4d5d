/// A kind of legitimate traffic a scenario's check can require to keep working on its own, so
/// that a rule too broad for a small service fails even when the site's web traffic, which
/// dwarfs it, is untouched (blocking all of port 22 against an SSH brute force, all DNS against
/// a tunnel).
package enum GuardedService: String, Sendable, Hashable, Codable, CaseIterable {
    /// Requests to the company's web server.
    case web
    /// Logins to the web server over SSH.
    case ssh
    /// Name lookups through the router's resolver.
    case dns
    /// HTTPS sessions from the LAN to outside sites.
    case outboundHTTPS

    /// The service `payload` belongs to; nil for traffic no check guards (DHCP, probes).
    @inline(__always)
    package init?(carrying payload: PacketPayload) {
        switch payload {
        case .http: self = .web
        case .sshLogin: self = .ssh
        case .dnsQuery: self = .dns
        case .tls: self = .outboundHTTPS
        case .dhcp, .connectionProbe: return nil
        }
    }

    /// How a learner would name it: `SSH logins`.
    package var label: String {
        switch self {
        case .web: "web requests"
        case .ssh: "SSH logins"
        case .dns: "DNS lookups"
        case .outboundHTTPS: "outbound HTTPS"
        }
    }
}
