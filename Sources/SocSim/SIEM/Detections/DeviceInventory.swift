/// The LAN devices the organisation knows, by MAC: anything else asking the DHCP server for a
/// lease is a policy violation.
package struct DeviceInventory: Sendable, Hashable, Codable {
    package var devices: [MACAddress: String]

    package init(devices: [MACAddress: String] = [:]) { self.devices = devices }

    /// Every host of `topology` that has a MAC.
    package init(topology: NetworkTopology) {
        var devices: [MACAddress: String] = [:]
        for host in topology.hosts {
            if let mac = host.mac { devices[mac] = host.name }
        }
        self.devices = devices
    }

    package func knows(_ mac: MACAddress) -> Bool { devices[mac] != nil }
}
