import JSONRPC

/// `traffic.recent`: the newest simulated packets with their verdicts.
package struct TrafficRecentRequest: SocMethod {
    package static let method = "traffic.recent"
    package static let summary =
        "The newest packets with the firewall's verdict, oldest first; filter by host or colour."
    package static let access = MethodAccess.read

    package static let defaultLimit = 100
    package static let maximumLimit = 5_000

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var limit: Int?
        package var malicious: Bool?
        package var host: String?
        package init(limit: Int? = nil, malicious: Bool? = nil, host: String? = nil) {
            self.limit = limit
            self.malicious = malicious
            self.host = host
        }
        package static let fieldDescriptions = [
            "limit": "At most this many packets (1-5000, default 100).",
            "malicious": "Only attack packets (true) or only legitimate ones (false).",
            "host": "Only packets from or to this host name or IPv4 address.",
        ]
    }

    package struct Result: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var packets: [TrafficPacket]
        /// Packets the traffic view keeps in memory, before filtering.
        package var retained: Int
        package init(packets: [TrafficPacket], retained: Int) {
            self.packets = packets
            self.retained = retained
        }
        package static let fieldDescriptions = [
            "packets": "Oldest first.",
            "retained": "Packets kept in memory before filtering (the newest ones; not persisted).",
        ]
    }
}
