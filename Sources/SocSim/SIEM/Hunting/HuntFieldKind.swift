/// How a hunt compares a field: as an address, a number, text or a MAC. Text fields stored as
/// symbols compare by symbol.
enum HuntFieldKind: Sendable, Hashable {
    case address, integer, text, symbol, mac

    init(_ field: ECSField) {
        switch field {
        case .sourceIP, .destinationIP, .hostIP: self = .address
        case .timestamp, .sourcePort, .destinationPort, .networkBytes, .ruleID, .httpResponseStatusCode,
            .httpResponseBodyBytes, .processPID:
            self = .integer
        case .hostMAC: self = .mac
        case .eventAction, .eventOutcome, .observerName, .observerIngressInterfaceName, .observerEgressInterfaceName,
            .httpRequestMethod, .httpRequestReferrer, .userAgentOriginal, .userName, .hostName:
            self = .symbol
        case .message, .eventDataset, .networkTransport, .httpVersion, .urlOriginal, .urlPath, .urlQuery,
            .dnsQuestionName, .dnsQuestionType, .processName:
            self = .text
        }
    }

    var noun: String {
        switch self {
        case .address: "an IPv4 address"
        case .integer: "a number"
        case .text, .symbol: "text"
        case .mac: "a MAC address"
        }
    }
}
