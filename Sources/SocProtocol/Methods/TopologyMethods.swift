import JSONRPC

/// `topology.get`: the simulated network.
package struct TopologyGetRequest: SocMethod {
    package static let method = "topology.get"
    package static let summary = "The simulated network: hosts with role, address, MAC, services and position; links."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams

    package struct Result: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var hosts: [TopologyHost]
        package var links: [TopologyLink]
        /// The LAN behind the router, as a CIDR.
        package var lan: String
        package var wanInterface: String
        package var lanInterface: String

        package init(
            hosts: [TopologyHost], links: [TopologyLink], lan: String, wanInterface: String, lanInterface: String
        ) {
            self.hosts = hosts
            self.links = links
            self.lan = lan
            self.wanInterface = wanInterface
            self.lanInterface = lanInterface
        }

        package static let fieldDescriptions = [
            "hosts": "The machines, the router and the internet.",
            "links": "Which router interface each host is plugged into.",
            "lan": "The LAN behind the router (CIDR).",
            "wanInterface": "The router's internet-facing interface.",
            "lanInterface": "The router's LAN interface.",
        ]
    }
}
