/// One record of any data source, normalized: the fields every source shares are typed stored
/// properties (what detections and most hunts read), the rest sit in a per-source `Detail`. Text
/// of closed vocabularies is interned (`Symbol`), so an event is a fixed-size value of about a
/// hundred bytes that a retention ring of a million holds without per-event allocations.
///
/// Field names follow ECS: `value(of:)` answers any `ECSField` the source record answers.
package struct SecurityEvent: Sendable, Hashable, TickStamped {
    /// Position in the normalized stream, from 1; unique and increasing for a normalizer's lifetime.
    package var sequence: UInt64
    package var tick: Int64
    package var timestampMilliseconds: Int64
    /// `event.action`.
    package var action: Symbol
    /// `event.outcome`: `Symbol.success` or `Symbol.failure`.
    package var outcome: Symbol
    /// `observer.name`.
    package var observer: Symbol
    package var sourceIP: IPv4Address?
    package var destinationIP: IPv4Address?
    package var sourcePort: UInt16?
    package var destinationPort: UInt16?
    /// `network.transport`.
    package var transport: IPProtocol
    package var dataset: LogDataset
    package var detail: Detail

    package init(
        sequence: UInt64, tick: Int64, timestampMilliseconds: Int64, action: Symbol, outcome: Symbol,
        observer: Symbol, sourceIP: IPv4Address?, destinationIP: IPv4Address?, sourcePort: UInt16?,
        destinationPort: UInt16?, transport: IPProtocol, detail: Detail
    ) {
        self.sequence = sequence
        self.tick = tick
        self.timestampMilliseconds = timestampMilliseconds
        self.action = action
        self.outcome = outcome
        self.observer = observer
        self.sourceIP = sourceIP
        self.destinationIP = destinationIP
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.transport = transport
        self.detail = detail
        self.dataset = detail.dataset
    }

    /// What only one data source records.
    package enum Detail: Sendable, Hashable {
        case firewall(FirewallDetail)
        case webAccess(WebAccessDetail)
        case auth(AuthDetail)
        case dns(DNSDetail)
        case dhcp(DHCPDetail)

        package var dataset: LogDataset {
            switch self {
            case .firewall: .firewall
            case .webAccess: .webAccess
            case .auth: .auth
            case .dns: .dns
            case .dhcp: .dhcp
            }
        }
    }

    package var isFailure: Bool { outcome == .failure }
}
