import JSONRPC

/// One record of a data source, both structured and as the real program would have written it.
package struct LogEntry: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var tick: Int
    /// Elastic Common Schema fields by their dotted names (`source.ip`, `event.action`, ...);
    /// `@timestamp` is ISO 8601 and `message` is `line`.
    package var ecs: [String: JSONValue]
    /// The native text line (iptables LOG, Apache combined, sshd, dnsmasq, dhcpd).
    package var line: String

    package init(tick: Int, ecs: [String: JSONValue], line: String) {
        self.tick = tick
        self.ecs = ecs
        self.line = line
    }

    package static let fieldDescriptions = [
        "tick": "The tick the record was written in.",
        "ecs": "Elastic Common Schema fields by dotted name; @timestamp is ISO 8601.",
        "line": "The line the real program would have written.",
    ]
}
