import JSONRPC

/// A machine of the simulated network, or the internet in front of it.
package struct TopologyHost: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package enum Role: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
        case server, router, workstation, internet
    }

    /// Where a drawing puts the host, as the room draws its network.
    package enum Position: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
        case left, middle, right
    }

    /// A listening service, `80/tcp http`.
    package struct Service: Codable, Sendable, Hashable {
        package var port: Int
        package var proto: String
        package var name: String
        package init(port: Int, proto: String, name: String) {
            self.port = port
            self.proto = proto
            self.name = name
        }
    }

    package var name: String
    package var role: Role
    package var address: String?
    package var mac: String?
    /// `manual` or `dhcp`.
    package var addressAssignment: String
    package var services: [Service]
    package var position: Position

    package init(
        name: String, role: Role, address: String?, mac: String?, addressAssignment: String, services: [Service],
        position: Position
    ) {
        self.name = name
        self.role = role
        self.address = address
        self.mac = mac
        self.addressAssignment = addressAssignment
        self.services = services
        self.position = position
    }

    package static let fieldDescriptions = [
        "name": "The host's name, as packets and logs name it.",
        "role": "server, router, workstation, or internet (everything beyond the router's WAN port).",
        "address": "Its IPv4 address; absent for the internet, which stands for many.",
        "mac": "Its MAC address (aa:bb:cc:dd:ee:ff); absent for the internet.",
        "addressAssignment": "manual, or dhcp for machines that lease their address from the router.",
        "services": "Listening services.",
        "position": "left, middle or right: where a drawing puts it.",
    ]
}
