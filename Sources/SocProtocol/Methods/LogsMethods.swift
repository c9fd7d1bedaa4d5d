import JSONRPC

/// `logs.sources`: the data sources and how much of each is kept.
package struct LogSourcesRequest: SocMethod {
    package static let method = "logs.sources"
    package static let summary =
        "The data sources (firewall, web access, auth, DNS, DHCP) with record counts and retention."
    package static let access = MethodAccess.read
    package typealias Params = RPCNoParams

    package struct Result: Codable, Sendable, Hashable {
        package var sources: [LogSourceInfo]
        package init(sources: [LogSourceInfo]) { self.sources = sources }
    }
}

/// `logs.tail`: the newest records of one data source.
package struct LogsTailRequest: SocMethod {
    package static let method = "logs.tail"
    package static let summary = "The newest records of a data source, oldest first: ECS fields and the native line."
    package static let details: String? = """
        Logs are kept in memory only, within each source's retention. To follow a source, pass the \
        result's nextSinceTick as sinceTick of the next call.
        """
    package static let access = MethodAccess.read

    package static let defaultLimit = 50
    package static let maximumLimit = 5_000

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var source: LogSourceName
        package var limit: Int?
        package var sinceTick: Int?
        package init(source: LogSourceName, limit: Int? = nil, sinceTick: Int? = nil) {
            self.source = source
            self.limit = limit
            self.sinceTick = sinceTick
        }
        package static let fieldDescriptions = [
            "source": "firewall, web.access, auth, dns or dhcp.",
            "limit": "At most this many records, the newest (1-5000, default 50).",
            "sinceTick": "Only records from this tick on.",
        ]
    }

    package struct Result: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var source: LogSourceName
        package var records: [LogEntry]
        /// The sinceTick that continues after these records.
        package var nextSinceTick: Int
        package init(source: LogSourceName, records: [LogEntry], nextSinceTick: Int) {
            self.source = source
            self.records = records
            self.nextSinceTick = nextSinceTick
        }
        package static let fieldDescriptions = [
            "records": "Oldest first.",
            "nextSinceTick": "Pass as sinceTick to get only newer records next time.",
        ]
    }
}
