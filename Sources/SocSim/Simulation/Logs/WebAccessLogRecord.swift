/// One request as the web server's access log records it.
package struct WebAccessLogRecord: LogRecordProtocol, Hashable {
    package static let dataset = LogDataset.webAccess

    package var tick: Int64
    package var timestampMilliseconds: Int64
    package var observer: String
    package var client: IPv4Address
    package var clientPort: UInt16
    package var server: IPv4Address
    package var serverPort: UInt16
    package var method: HTTPRequest.Method
    /// The request target: path and query, as the request line carries it.
    package var target: String
    package var statusCode: Int
    package var bodyBytes: Int
    package var referrer: String?
    package var userAgent: String

    package init(
        tick: Int64, timestampMilliseconds: Int64, observer: String, client: IPv4Address, clientPort: UInt16,
        server: IPv4Address, serverPort: UInt16, method: HTTPRequest.Method, target: String, statusCode: Int,
        bodyBytes: Int, referrer: String?, userAgent: String
    ) {
        self.tick = tick
        self.timestampMilliseconds = timestampMilliseconds
        self.observer = observer
        self.client = client
        self.clientPort = clientPort
        self.server = server
        self.serverPort = serverPort
        self.method = method
        self.target = target
        self.statusCode = statusCode
        self.bodyBytes = bodyBytes
        self.referrer = referrer
        self.userAgent = userAgent
    }

    package func field(_ field: ECSField) -> LogFieldValue? {
        switch field {
        case .eventAction: .string("access")
        case .eventOutcome: .string(statusCode < 400 ? "success" : "failure")
        case .observerName: .string(observer)
        case .sourceIP: .address(client)
        case .sourcePort: .integer(Int64(clientPort))
        case .destinationIP: .address(server)
        case .destinationPort: .integer(Int64(serverPort))
        case .networkTransport: .string("tcp")
        case .httpRequestMethod: .string(method.rawValue)
        case .httpRequestReferrer: referrer.map { .string($0) }
        case .httpResponseStatusCode: .integer(Int64(statusCode))
        case .httpResponseBodyBytes: .integer(Int64(bodyBytes))
        case .httpVersion: .string("1.1")
        case .urlOriginal: .string(target)
        case .urlPath: .string(Self.split(target).path)
        case .urlQuery: Self.split(target).query.map { .string($0) }
        case .userAgentOriginal: .string(userAgent)
        default: commonField(field)
        }
    }

    private static func split(_ target: String) -> (path: String, query: String?) {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }

    /// Apache's combined format: `%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"`.
    package var nativeLine: String {
        // %b prints "-" for an empty body.
        let bytes = bodyBytes == 0 ? "-" : String(bodyBytes)
        return "\(client) - - [\(civilTime.apacheTimestamp)] \"\(method.rawValue) \(target) HTTP/1.1\" "
            + "\(statusCode) \(bytes) \"\(referrer ?? "-")\" \"\(userAgent)\""
    }
}
