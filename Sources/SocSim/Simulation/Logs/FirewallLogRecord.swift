/// One firewall decision, as the router's netfilter LOG target records it.
package struct FirewallLogRecord: LogRecordProtocol, Hashable {
    package static let dataset = LogDataset.firewall

    package var tick: Int64
    package var timestampMilliseconds: Int64
    package var packetID: UInt64
    package var observer: String
    package var tuple: FiveTuple
    package var length: Int
    package var tcpFlags: TCPFlags
    package var verdict: PacketVerdict
    package var ingressInterface: String
    /// Empty when the router itself was the destination.
    package var egressInterface: String

    package init(
        tick: Int64, timestampMilliseconds: Int64, packetID: UInt64, observer: String, tuple: FiveTuple, length: Int,
        tcpFlags: TCPFlags, verdict: PacketVerdict, ingressInterface: String, egressInterface: String
    ) {
        self.tick = tick
        self.timestampMilliseconds = timestampMilliseconds
        self.packetID = packetID
        self.observer = observer
        self.tuple = tuple
        self.length = length
        self.tcpFlags = tcpFlags
        self.verdict = verdict
        self.ingressInterface = ingressInterface
        self.egressInterface = egressInterface
    }

    package func field(_ field: ECSField) -> LogFieldValue? {
        switch field {
        case .eventAction: .string(verdict.action.rawValue)
        case .eventOutcome: .string(verdict.letsPacketThrough ? "success" : "failure")
        case .observerName: .string(observer)
        case .observerIngressInterfaceName: .string(ingressInterface)
        case .observerEgressInterfaceName: egressInterface.isEmpty ? nil : .string(egressInterface)
        case .ruleID: verdict.ruleID.map { .integer($0) }
        case .sourceIP: .address(tuple.source)
        case .sourcePort: tuple.proto == .icmp ? nil : .integer(Int64(tuple.sourcePort))
        case .destinationIP: .address(tuple.destination)
        case .destinationPort: tuple.proto == .icmp ? nil : .integer(Int64(tuple.destinationPort))
        case .networkTransport: .string(tuple.proto.rawValue)
        case .networkBytes: .integer(Int64(length))
        default: commonField(field)
        }
    }

    /// `May 14 09:00:01 router kernel: [FW DROP] IN=eth0 OUT=eth1 SRC=203.0.113.7 DST=10.0.0.10
    /// LEN=412 PROTO=TCP SPT=51234 DPT=80 ACK PSH` (one line): the fields of an iptables LOG line
    /// that a SOC reads, in the kernel's order.
    package var nativeLine: String {
        var line =
            "\(civilTime.syslogTimestamp) \(observer) kernel: [FW \(verdict.action.label)] IN=\(ingressInterface) "
            + "OUT=\(egressInterface) SRC=\(tuple.source) DST=\(tuple.destination) LEN=\(length) "
            + "PROTO=\(tuple.proto.rawValue.uppercased())"
        if tuple.proto != .icmp {
            line += " SPT=\(tuple.sourcePort) DPT=\(tuple.destinationPort)"
        }
        for flag in tcpFlags.names { line += " \(flag)" }
        return line
    }
}
