import JSONRPC

/// `alerts.list`: recent alerts, newest first.
package struct AlertsListRequest: SocMethod {
    package static let method = "alerts.list"
    package static let summary = "Alerts, newest first, with filters; repeats of a detection and source fold into one."
    package static let access = MethodAccess.read
    package static let defaultLimit = 100
    package static let maximumLimit = 10_000

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var since: Int?
        package var severity: String?
        package var status: String?
        package var limit: Int?
        package init(since: Int? = nil, severity: String? = nil, status: String? = nil, limit: Int? = nil) {
            self.since = since
            self.severity = severity
            self.status = status
            self.limit = limit
        }
        package static let fieldDescriptions = [
            "since": "Only alerts last seen at or after this tick.",
            "severity": "Only alerts of at least this severity: low, medium, high or critical.",
            "status": "Only new or only acknowledged alerts.",
            "limit": "At most this many (1-10000, default 100).",
        ]
    }

    package struct Result: Codable, Sendable, Hashable {
        package var alerts: [AlertInfo]
        package init(alerts: [AlertInfo]) { self.alerts = alerts }
    }
}

/// `alerts.get`: one alert with its evidence.
package struct AlertsGetRequest: SocMethod {
    package static let method = "alerts.get"
    package static let summary = "One alert with its evidence."
    package static let access = MethodAccess.read
    package static let errors = [RPCErrorCode.notFound]

    package struct Params: Codable, Sendable, Hashable {
        package var id: Int
        package init(id: Int) { self.id = id }
    }

    package typealias Result = AlertInfo
}

/// `alerts.ack`: mark an alert as seen.
package struct AlertsAckRequest: SocMethod {
    package static let method = "alerts.ack"
    package static let summary = "Acknowledges an alert (records who did); acknowledging twice is harmless."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var id: Int
        package init(id: Int) { self.id = id }
    }

    package typealias Result = AlertInfo
}
