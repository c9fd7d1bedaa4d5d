/// Whom an alert is about: the address the activity came from, or for a device on the LAN its MAC
/// and the name it gave. Alerts and incidents group by detection and source.
package struct AlertSource: Sendable, Hashable, Codable, CustomStringConvertible {
    package var address: IPv4Address?
    package var mac: MACAddress?
    /// A host name the source gave (DHCP) or that the inventory knows.
    package var host: String?

    package init(address: IPv4Address? = nil, mac: MACAddress? = nil, host: String? = nil) {
        self.address = address
        self.mac = mac
        self.host = host
    }

    /// `198.51.100.7`, `52:54:00:12:34:56 (rogue-pi)`.
    package var description: String {
        let main = address?.description ?? mac?.description ?? host ?? "unknown"
        if let host, address != nil || mac != nil { return "\(main) (\(host))" }
        return main
    }
}
