/// A cable between a host and the router, named by the router's interface on it.
package struct NetworkLink: Sendable, Hashable, Codable {
    package var host: String
    package var router: String
    /// The router port the link plugs into (`eth0` WAN, `eth1` LAN), as the firewall log names it.
    package var routerInterface: String

    package init(host: String, router: String, routerInterface: String) {
        self.host = host
        self.router = router
        self.routerInterface = routerInterface
    }
}
