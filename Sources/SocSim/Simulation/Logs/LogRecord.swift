/// A record of any data source, for callers that handle them uniformly (`logs.tail`, the SIEM's
/// normalized stream). Each source keeps its own typed ring; this only wraps on the way out.
package enum LogRecord: Sendable, Hashable, TickStamped {
    case firewall(FirewallLogRecord)
    case webAccess(WebAccessLogRecord)
    case auth(AuthLogRecord)
    case dns(DNSQueryLogRecord)
    case dhcp(DHCPLogRecord)

    private var record: any LogRecordProtocol {
        switch self {
        case .firewall(let record): record
        case .webAccess(let record): record
        case .auth(let record): record
        case .dns(let record): record
        case .dhcp(let record): record
        }
    }

    package var dataset: LogDataset {
        switch self {
        case .firewall: .firewall
        case .webAccess: .webAccess
        case .auth: .auth
        case .dns: .dns
        case .dhcp: .dhcp
        }
    }

    package var tick: Int64 {
        switch self {
        case .firewall(let record): record.tick
        case .webAccess(let record): record.tick
        case .auth(let record): record.tick
        case .dns(let record): record.tick
        case .dhcp(let record): record.tick
        }
    }

    package var timestampMilliseconds: Int64 {
        switch self {
        case .firewall(let record): record.timestampMilliseconds
        case .webAccess(let record): record.timestampMilliseconds
        case .auth(let record): record.timestampMilliseconds
        case .dns(let record): record.timestampMilliseconds
        case .dhcp(let record): record.timestampMilliseconds
        }
    }

    /// Switches to the concrete record rather than going through an existential, since queries
    /// call this once per record and field.
    package func field(_ field: ECSField) -> LogFieldValue? {
        switch self {
        case .firewall(let record): record.field(field)
        case .webAccess(let record): record.field(field)
        case .auth(let record): record.field(field)
        case .dns(let record): record.field(field)
        case .dhcp(let record): record.field(field)
        }
    }

    package func field(named name: String) -> LogFieldValue? {
        ECSField(rawValue: name).flatMap { field($0) }
    }

    package var fields: [(ECSField, LogFieldValue)] { record.fields }

    package var nativeLine: String { record.nativeLine }
}
