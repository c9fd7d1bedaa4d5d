/// The simulated network: one router with a WAN and a LAN port, the hosts behind it, and the
/// internet in front of it. Every packet crosses the router, so its firewall sees all traffic
/// (the LAN port bridges, as a home router's switch ports do).
package struct NetworkTopology: Sendable, Hashable, Codable {
    package var hosts: [NetworkHost]
    package var links: [NetworkLink]
    /// The LAN behind the router's LAN interface.
    package var lan: IPv4CIDR
    package var wanInterface: String
    package var lanInterface: String

    package init(
        hosts: [NetworkHost], links: [NetworkLink], lan: IPv4CIDR, wanInterface: String = "eth0",
        lanInterface: String = "eth1"
    ) {
        self.hosts = hosts
        self.links = links
        self.lan = lan
        self.wanInterface = wanInterface
        self.lanInterface = lanInterface
    }

    package func host(named name: String) -> NetworkHost? { hosts.first { $0.name == name } }

    package func host(at address: IPv4Address) -> NetworkHost? { hosts.first { $0.address == address } }

    package func hosts(withRole role: NetworkHost.Role) -> [NetworkHost] { hosts.filter { $0.role == role } }

    package var router: NetworkHost? { hosts.first { $0.role == .router } }

    /// The router port a packet from or to `address` uses. DHCP's unspecified and broadcast
    /// addresses only ever appear on the LAN.
    package func routerInterface(toward address: IPv4Address) -> String {
        FirewallInterfaceResolver(topology: self).interface(toward: address)
    }

    /// The interfaces a firewall log line names: `IN` is where the packet arrived; `OUT` is where
    /// it leaves, empty when the router itself is the destination (netfilter's INPUT chain).
    package func firewallInterfaces(for tuple: FiveTuple) -> (ingress: String, egress: String) {
        FirewallInterfaceResolver(topology: self).interfaces(for: tuple)
    }
}

extension IPv4Address {
    /// `0.0.0.0`, the source of a DHCPDISCOVER.
    package static let unspecified = IPv4Address(0)
    /// `255.255.255.255`.
    package static let limitedBroadcast = IPv4Address(UInt32.max)
}
