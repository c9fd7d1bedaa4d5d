import JSONRPC

/// A cable between a host and the router.
package struct TopologyLink: Codable, Sendable, Hashable {
    package var host: String
    package var router: String
    /// The router port it plugs into (`eth0` WAN, `eth1` LAN), as the firewall log's IN= and OUT= name it.
    package var routerInterface: String

    package init(host: String, router: String, routerInterface: String) {
        self.host = host
        self.router = router
        self.routerInterface = routerInterface
    }
}
