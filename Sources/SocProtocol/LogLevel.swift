import JSONRPC

/// socd's log levels, in syslog's order and with its names, so that journal priorities follow.
package enum LogLevel: String, Sendable, Codable, CaseIterable, Comparable, JSONSchemaEnum {
    case trace, debug, info, notice, warning, error

    /// The syslog priority the journal records (trace maps to debug, which has no lower level).
    package var syslogPriority: Int32 {
        switch self {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    package static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }
}
