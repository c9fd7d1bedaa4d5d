/// The retained records of every data source, one ring per source.
package struct LogStore: Sendable {
    package private(set) var firewall: RingBuffer<FirewallLogRecord>
    package private(set) var webAccess: RingBuffer<WebAccessLogRecord>
    package private(set) var auth: RingBuffer<AuthLogRecord>
    package private(set) var dns: RingBuffer<DNSQueryLogRecord>
    package private(set) var dhcp: RingBuffer<DHCPLogRecord>

    package init(retention: LogRetention) {
        firewall = RingBuffer(capacity: retention.firewall)
        webAccess = RingBuffer(capacity: retention.webAccess)
        auth = RingBuffer(capacity: retention.auth)
        dns = RingBuffer(capacity: retention.dns)
        dhcp = RingBuffer(capacity: retention.dhcp)
    }

    @inline(__always) package mutating func append(_ record: FirewallLogRecord) { firewall.append(record) }
    @inline(__always) package mutating func append(_ record: WebAccessLogRecord) { webAccess.append(record) }
    @inline(__always) package mutating func append(_ record: AuthLogRecord) { auth.append(record) }
    @inline(__always) package mutating func append(_ record: DNSQueryLogRecord) { dns.append(record) }
    @inline(__always) package mutating func append(_ record: DHCPLogRecord) { dhcp.append(record) }

    /// The newest `limit` records of `dataset` from `sinceTick` on (all retained ones when nil),
    /// oldest first.
    package func tail(_ dataset: LogDataset, limit: Int, sinceTick: Int64? = nil) -> [LogRecord] {
        let since = sinceTick ?? .min
        switch dataset {
        case .firewall: return firewall.elements(sinceTick: since, limit: limit).map { .firewall($0) }
        case .webAccess: return webAccess.elements(sinceTick: since, limit: limit).map { .webAccess($0) }
        case .auth: return auth.elements(sinceTick: since, limit: limit).map { .auth($0) }
        case .dns: return dns.elements(sinceTick: since, limit: limit).map { .dns($0) }
        case .dhcp: return dhcp.elements(sinceTick: since, limit: limit).map { .dhcp($0) }
        }
    }

    package func retainedCount(of dataset: LogDataset) -> Int {
        switch dataset {
        case .firewall: firewall.count
        case .webAccess: webAccess.count
        case .auth: auth.count
        case .dns: dns.count
        case .dhcp: dhcp.count
        }
    }

    /// Records ever written to `dataset`, including those retention has dropped.
    package func totalWritten(to dataset: LogDataset) -> UInt64 {
        switch dataset {
        case .firewall: firewall.totalAppended
        case .webAccess: webAccess.totalAppended
        case .auth: auth.totalAppended
        case .dns: dns.totalAppended
        case .dhcp: dhcp.totalAppended
        }
    }
}
