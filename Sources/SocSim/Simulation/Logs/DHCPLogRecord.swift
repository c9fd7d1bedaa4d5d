/// One DHCP message the router's dhcpd received or sent, as it logs it.
package struct DHCPLogRecord: LogRecordProtocol, Hashable {
    package static let dataset = LogDataset.dhcp

    package enum MessageType: String, Sendable, Hashable, Codable, CaseIterable {
        case discover = "DHCPDISCOVER"
        case offer = "DHCPOFFER"
        case request = "DHCPREQUEST"
        case ack = "DHCPACK"
        case nak = "DHCPNAK"
        case release = "DHCPRELEASE"

        /// The ECS `event.action`: the message type in lower case.
        package var action: String {
            switch self {
            case .discover: "dhcpdiscover"
            case .offer: "dhcpoffer"
            case .request: "dhcprequest"
            case .ack: "dhcpack"
            case .nak: "dhcpnak"
            case .release: "dhcprelease"
            }
        }
    }

    package var tick: Int64
    package var timestampMilliseconds: Int64
    package var observer: String
    package var processID: Int
    package var messageType: MessageType
    package var clientMAC: MACAddress
    package var clientHostName: String
    /// The address offered, requested, acknowledged or released; nil for a DISCOVER.
    package var address: IPv4Address?
    package var interface: String

    package init(
        tick: Int64, timestampMilliseconds: Int64, observer: String, processID: Int, messageType: MessageType,
        clientMAC: MACAddress, clientHostName: String, address: IPv4Address?, interface: String
    ) {
        self.tick = tick
        self.timestampMilliseconds = timestampMilliseconds
        self.observer = observer
        self.processID = processID
        self.messageType = messageType
        self.clientMAC = clientMAC
        self.clientHostName = clientHostName
        self.address = address
        self.interface = interface
    }

    package func field(_ field: ECSField) -> LogFieldValue? {
        switch field {
        case .eventAction: .string(messageType.action)
        case .eventOutcome: .string(messageType == .nak ? "failure" : "success")
        case .observerName: .string(observer)
        case .observerIngressInterfaceName: .string(interface)
        case .hostName: .string(clientHostName)
        case .hostMAC: .mac(clientMAC)
        case .hostIP: address.map { .address($0) }
        case .networkTransport: .string("udp")
        case .processName: .string("dhcpd")
        case .processPID: .integer(Int64(processID))
        default: commonField(field)
        }
    }

    /// ISC dhcpd's lines, e.g. `May 14 09:00:01 router dhcpd[701]: DHCPACK on 10.0.0.21 to
    /// 52:54:00:12:34:56 (workstation-1) via eth1`.
    package var nativeLine: String {
        let client = "\(clientMAC) (\(clientHostName))"
        let address = self.address?.description ?? "0.0.0.0"
        let detail =
            switch messageType {
            case .discover: "from \(client)"
            case .offer, .ack, .nak: "on \(address) to \(client)"
            case .request: "for \(address) from \(client)"
            case .release: "of \(address) from \(client)"
            }
        return
            "\(civilTime.syslogTimestamp) \(observer) dhcpd[\(processID)]: \(messageType.rawValue) \(detail) via \(interface)"
    }
}
