import SocProtocol

/// Packets counted by source address, as the watch view lists its top sources: a learner
/// looking for the attacker looks for the address with far more packets than the others.
package struct SourceTally: Sendable, Hashable {
    /// One source's figures.
    package struct Entry: Sendable, Hashable {
        package var address: String
        /// Its host name, when it is a machine of the network.
        package var host: String?
        package var packets = 0
        package var maliciousPackets = 0
        package var blockedPackets = 0
    }

    private var entries: [String: Entry] = [:]

    package init() {}

    package mutating func count(_ packet: TrafficPacket) {
        var entry = entries[packet.src] ?? Entry(address: packet.src, host: packet.srcHost)
        entry.packets += 1
        if packet.malicious { entry.maliciousPackets += 1 }
        if packet.verdict != "ACCEPT" { entry.blockedPackets += 1 }
        entries[packet.src] = entry
    }

    /// Every count back to zero, after a reset or a new scenario.
    package mutating func removeAll() {
        entries.removeAll()
    }

    /// The `limit` sources with the most packets; on a tie, attackers first, then by address,
    /// so that the order is stable.
    package func top(_ limit: Int) -> [Entry] {
        let sorted = entries.values.sorted {
            if $0.packets != $1.packets { return $0.packets > $1.packets }
            if ($0.maliciousPackets > 0) != ($1.maliciousPackets > 0) { return $0.maliciousPackets > 0 }
            return $0.address < $1.address
        }
        return Array(sorted.prefix(max(0, limit)))
    }

    package var sourceCount: Int { entries.count }
}
