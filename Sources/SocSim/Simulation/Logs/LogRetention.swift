/// How many records each data source keeps in memory, and how many observed packets the traffic
/// view keeps. Older ones are overwritten.
package struct LogRetention: Sendable, Hashable, Codable {
    package var firewall: Int
    package var webAccess: Int
    package var auth: Int
    package var dns: Int
    package var dhcp: Int
    package var traffic: Int

    package init(
        firewall: Int = 20_000, webAccess: Int = 20_000, auth: Int = 5_000, dns: Int = 5_000, dhcp: Int = 2_000,
        traffic: Int = 5_000
    ) {
        self.firewall = firewall
        self.webAccess = webAccess
        self.auth = auth
        self.dns = dns
        self.dhcp = dhcp
        self.traffic = traffic
    }

    package func capacity(of dataset: LogDataset) -> Int {
        switch dataset {
        case .firewall: firewall
        case .webAccess: webAccess
        case .auth: auth
        case .dns: dns
        case .dhcp: dhcp
        }
    }
}
