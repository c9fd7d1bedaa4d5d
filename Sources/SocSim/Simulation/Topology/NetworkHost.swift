/// A machine of the simulated network, or the internet cloud it connects to.
package struct NetworkHost: Sendable, Hashable, Codable {
    package enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case server, router, workstation
        /// Everything beyond the router's WAN port: external visitors and attackers.
        case internet
    }

    /// Where a view should draw the host, as the room draws its network.
    package enum Position: String, Sendable, Hashable, Codable, CaseIterable {
        case left, middle, right
    }

    /// How the host got its address; DHCP clients renew leases with the router.
    package enum AddressAssignment: String, Sendable, Hashable, Codable {
        case manual, dhcp
    }

    /// A listening service, e.g. `80/tcp http`.
    package struct Service: Sendable, Hashable, Codable, CustomStringConvertible {
        package var port: UInt16
        package var proto: IPProtocol
        package var name: String

        package init(port: UInt16, proto: IPProtocol, name: String) {
            self.port = port
            self.proto = proto
            self.name = name
        }

        package var description: String { "\(port)/\(proto.rawValue) \(name)" }
    }

    package var name: String
    package var role: Role
    /// Nil only for the internet, which stands for many addresses.
    package var address: IPv4Address?
    package var mac: MACAddress?
    package var addressAssignment: AddressAssignment
    package var services: [Service]
    package var position: Position

    package init(
        name: String, role: Role, address: IPv4Address?, mac: MACAddress?, addressAssignment: AddressAssignment,
        services: [Service], position: Position
    ) {
        self.name = name
        self.role = role
        self.address = address
        self.mac = mac
        self.addressAssignment = addressAssignment
        self.services = services
        self.position = position
    }

    package func offers(port: UInt16, proto: IPProtocol) -> Bool {
        services.contains { $0.port == port && $0.proto == proto }
    }
}
