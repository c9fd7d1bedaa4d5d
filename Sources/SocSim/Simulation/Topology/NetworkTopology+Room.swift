/// The network of the Security Operations room: the web server on the right, the router (firewall,
/// DHCP, DNS) in the middle, two workstations and the internet on the left.
extension NetworkTopology {
    package static let roomLAN = IPv4CIDR(network: IPv4Address(10, 0, 0, 0), prefixLength: 24)
    package static let routerAddress = IPv4Address(10, 0, 0, 1)
    package static let webServerAddress = IPv4Address(10, 0, 0, 10)
    package static let workstationAddresses = [IPv4Address(10, 0, 0, 21), IPv4Address(10, 0, 0, 22)]

    package static let webServerName = "web-server"
    package static let routerName = "router"
    package static let internetName = "internet"

    /// The room's network. `webServices` are the web server's listening services (the room's
    /// server has HTTP and SSH; harder scenarios add HTTPS); MACs come from `random` so that they
    /// differ between seeds as real hardware would.
    package static func securityOperationsRoom(
        webServices: [NetworkHost.Service], random: inout Xoshiro256StarStar
    ) -> NetworkTopology {
        func mac() -> MACAddress {
            // 52:54:00 is the prefix QEMU/KVM gives virtual NICs.
            MACAddress(0x5254_0000_0000 | UInt64(random.nextIndex(below: 1 << 24)))
        }
        var hosts = [
            NetworkHost(
                name: internetName, role: .internet, address: nil, mac: nil, addressAssignment: .manual,
                services: [], position: .left),
            NetworkHost(
                name: routerName, role: .router, address: routerAddress, mac: mac(), addressAssignment: .manual,
                services: [
                    .init(port: 53, proto: .udp, name: "dns"),
                    .init(port: 67, proto: .udp, name: "dhcp"),
                ], position: .middle),
            NetworkHost(
                name: webServerName, role: .server, address: webServerAddress, mac: mac(),
                addressAssignment: .manual, services: webServices, position: .right),
        ]
        for (index, address) in workstationAddresses.enumerated() {
            hosts.append(
                NetworkHost(
                    name: "workstation-\(index + 1)", role: .workstation, address: address, mac: mac(),
                    addressAssignment: .dhcp, services: [], position: .left))
        }
        let links = hosts.filter { $0.role != .router }.map { host in
            NetworkLink(host: host.name, router: routerName, routerInterface: host.role == .internet ? "eth0" : "eth1")
        }
        return NetworkTopology(hosts: hosts, links: links, lan: roomLAN)
    }

    package static let httpService = NetworkHost.Service(port: 80, proto: .tcp, name: "http")
    package static let httpsService = NetworkHost.Service(port: 443, proto: .tcp, name: "https")
    package static let sshService = NetworkHost.Service(port: 22, proto: .tcp, name: "ssh")
}
