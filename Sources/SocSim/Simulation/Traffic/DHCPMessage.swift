/// A DHCP client message (RFC 2131) as the router's DHCP server receives it.
package struct DHCPMessage: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case discover = "DHCPDISCOVER"
        case request = "DHCPREQUEST"
        case release = "DHCPRELEASE"
    }

    package var kind: Kind
    package var clientMAC: MACAddress
    package var clientHostName: String
    /// The address asked for (REQUEST, and optionally DISCOVER) or given back (RELEASE).
    package var requestedAddress: IPv4Address?

    package init(kind: Kind, clientMAC: MACAddress, clientHostName: String, requestedAddress: IPv4Address?) {
        self.kind = kind
        self.clientMAC = clientMAC
        self.clientHostName = clientHostName
        self.requestedAddress = requestedAddress
    }
}
