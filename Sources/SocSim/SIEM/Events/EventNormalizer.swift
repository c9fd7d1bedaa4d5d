/// Turns log records of every source into `SecurityEvent`s: numbers them, interns their text.
///
/// A value type owned by whoever feeds the SIEM; it keeps the `SymbolTable` every event it made
/// refers to, so consumers that render or query those events read `symbols` from here.
package struct EventNormalizer: Sendable {
    package private(set) var symbols = SymbolTable()
    /// The sequence number the next event gets.
    package private(set) var nextSequence: UInt64

    package init(firstSequence: UInt64 = 1) {
        nextSequence = firstSequence
    }

    package mutating func normalize(_ record: LogRecord) -> SecurityEvent {
        switch record {
        case .firewall(let record): normalize(record)
        case .webAccess(let record): normalize(record)
        case .auth(let record): normalize(record)
        case .dns(let record): normalize(record)
        case .dhcp(let record): normalize(record)
        }
    }

    @inline(__always)
    private mutating func takeSequence() -> UInt64 {
        defer { nextSequence += 1 }
        return nextSequence
    }

    @inline(__always)
    private func outcome(_ succeeded: Bool) -> Symbol { succeeded ? .success : .failure }

    package mutating func normalize(_ record: FirewallLogRecord) -> SecurityEvent {
        let tuple = record.tuple
        let hasPorts = tuple.proto != .icmp
        let detail = SecurityEvent.FirewallDetail(
            packetID: record.packetID, ruleID: record.verdict.ruleID, length: UInt32(clamping: record.length),
            ingressInterface: symbols.intern(record.ingressInterface),
            egressInterface: symbols.intern(record.egressInterface), tcpFlags: record.tcpFlags,
            verdict: record.verdict.action)
        return SecurityEvent(
            sequence: takeSequence(), tick: record.tick, timestampMilliseconds: record.timestampMilliseconds,
            action: symbols.intern(record.verdict.action.rawValue), outcome: outcome(record.verdict.letsPacketThrough),
            observer: symbols.intern(record.observer), sourceIP: tuple.source, destinationIP: tuple.destination,
            sourcePort: hasPorts ? tuple.sourcePort : nil, destinationPort: hasPorts ? tuple.destinationPort : nil,
            transport: tuple.proto, detail: .firewall(detail))
    }

    package mutating func normalize(_ record: WebAccessLogRecord) -> SecurityEvent {
        let detail = SecurityEvent.WebAccessDetail(
            target: record.target, method: symbols.intern(record.method.rawValue),
            userAgent: symbols.intern(record.userAgent), referrer: record.referrer.map { symbols.intern($0) } ?? .empty,
            statusCode: UInt16(clamping: record.statusCode), bodyBytes: UInt32(clamping: record.bodyBytes))
        return SecurityEvent(
            sequence: takeSequence(), tick: record.tick, timestampMilliseconds: record.timestampMilliseconds,
            action: symbols.intern("access"), outcome: outcome(record.statusCode < 400),
            observer: symbols.intern(record.observer), sourceIP: record.client, destinationIP: record.server,
            sourcePort: record.clientPort, destinationPort: record.serverPort, transport: .tcp,
            detail: .webAccess(detail))
    }

    package mutating func normalize(_ record: AuthLogRecord) -> SecurityEvent {
        let detail = SecurityEvent.AuthDetail(
            user: symbols.intern(record.user), userExists: record.userExists,
            processID: UInt32(clamping: record.processID))
        return SecurityEvent(
            sequence: takeSequence(), tick: record.tick, timestampMilliseconds: record.timestampMilliseconds,
            action: symbols.intern("ssh_login"), outcome: outcome(record.succeeded),
            observer: symbols.intern(record.observer), sourceIP: record.client, destinationIP: nil,
            sourcePort: record.clientPort, destinationPort: 22, transport: .tcp, detail: .auth(detail))
    }

    package mutating func normalize(_ record: DNSQueryLogRecord) -> SecurityEvent {
        let detail = SecurityEvent.DNSDetail(
            name: record.name, type: record.type, processID: UInt32(clamping: record.processID))
        return SecurityEvent(
            sequence: takeSequence(), tick: record.tick, timestampMilliseconds: record.timestampMilliseconds,
            action: symbols.intern("query"), outcome: .success, observer: symbols.intern(record.observer),
            sourceIP: record.client, destinationIP: record.resolver, sourcePort: record.clientPort,
            destinationPort: 53, transport: .udp, detail: .dns(detail))
    }

    package mutating func normalize(_ record: DHCPLogRecord) -> SecurityEvent {
        let detail = SecurityEvent.DHCPDetail(
            messageType: record.messageType, mac: record.clientMAC, hostName: symbols.intern(record.clientHostName),
            address: record.address, interface: symbols.intern(record.interface),
            processID: UInt32(clamping: record.processID))
        return SecurityEvent(
            sequence: takeSequence(), tick: record.tick, timestampMilliseconds: record.timestampMilliseconds,
            action: symbols.intern(record.messageType.action), outcome: outcome(record.messageType != .nak),
            observer: symbols.intern(record.observer), sourceIP: nil, destinationIP: nil, sourcePort: nil,
            destinationPort: nil, transport: .udp, detail: .dhcp(detail))
    }
}
