/// One DNS question, as dnsmasq logs it with `log-queries`.
package struct DNSQueryLogRecord: LogRecordProtocol, Hashable {
    package static let dataset = LogDataset.dns

    package var tick: Int64
    package var timestampMilliseconds: Int64
    package var observer: String
    package var processID: Int
    package var name: String
    package var type: DNSRecordType
    package var client: IPv4Address
    package var clientPort: UInt16
    package var resolver: IPv4Address

    package init(
        tick: Int64, timestampMilliseconds: Int64, observer: String, processID: Int, name: String,
        type: DNSRecordType, client: IPv4Address, clientPort: UInt16, resolver: IPv4Address
    ) {
        self.tick = tick
        self.timestampMilliseconds = timestampMilliseconds
        self.observer = observer
        self.processID = processID
        self.name = name
        self.type = type
        self.client = client
        self.clientPort = clientPort
        self.resolver = resolver
    }

    package func field(_ field: ECSField) -> LogFieldValue? {
        switch field {
        case .eventAction: .string("query")
        case .eventOutcome: .string("success")
        case .observerName: .string(observer)
        case .sourceIP: .address(client)
        case .sourcePort: .integer(Int64(clientPort))
        case .destinationIP: .address(resolver)
        case .destinationPort: .integer(53)
        case .networkTransport: .string("udp")
        case .dnsQuestionName: .string(name)
        case .dnsQuestionType: .string(type.rawValue)
        case .processName: .string("dnsmasq")
        case .processPID: .integer(Int64(processID))
        default: commonField(field)
        }
    }

    /// `May 14 09:00:01 router dnsmasq[612]: query[A] example.com from 10.0.0.21`.
    package var nativeLine: String {
        "\(civilTime.syslogTimestamp) \(observer) dnsmasq[\(processID)]: query[\(type.rawValue)] \(name) from \(client)"
    }
}
