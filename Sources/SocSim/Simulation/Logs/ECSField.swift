/// The Elastic Common Schema fields the simulation's records carry. A query resolves a field name
/// to a case once (`ECSField(rawValue:)`) and then reads it from each record with a switch
/// (`LogRecordProtocol.field(_:)`), so filtering never compares field names per record.
package enum ECSField: String, Sendable, Hashable, Codable, CaseIterable {
    case timestamp = "@timestamp"
    case message
    case eventDataset = "event.dataset"
    case eventAction = "event.action"
    case eventOutcome = "event.outcome"
    /// The machine whose program wrote the record (`router`, `web-server`).
    case observerName = "observer.name"
    case observerIngressInterfaceName = "observer.ingress.interface.name"
    case observerEgressInterfaceName = "observer.egress.interface.name"
    case ruleID = "rule.id"
    case sourceIP = "source.ip"
    case sourcePort = "source.port"
    case destinationIP = "destination.ip"
    case destinationPort = "destination.port"
    case networkTransport = "network.transport"
    case networkBytes = "network.bytes"
    case httpRequestMethod = "http.request.method"
    case httpRequestReferrer = "http.request.referrer"
    case httpResponseStatusCode = "http.response.status_code"
    case httpResponseBodyBytes = "http.response.body.bytes"
    case httpVersion = "http.version"
    case urlOriginal = "url.original"
    case urlPath = "url.path"
    case urlQuery = "url.query"
    case userAgentOriginal = "user_agent.original"
    case userName = "user.name"
    case dnsQuestionName = "dns.question.name"
    case dnsQuestionType = "dns.question.type"
    /// In DHCP records, the device that asked for a lease.
    case hostName = "host.name"
    case hostMAC = "host.mac"
    case hostIP = "host.ip"
    case processName = "process.name"
    case processPID = "process.pid"
}
