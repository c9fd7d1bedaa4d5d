/// A packet with what happened to it, for the traffic view.
package struct ObservedPacket: Sendable, Hashable, Codable, TickStamped {
    package enum Outcome: String, Sendable, Hashable, Codable {
        /// The firewall dropped or rejected it.
        case blocked
        /// It reached its service and was handled.
        case delivered
        /// It reached the web server, which was too busy to answer (503).
        case refusedByServer
    }

    package var packet: Packet
    package var verdict: PacketVerdict
    package var outcome: Outcome

    package init(packet: Packet, verdict: PacketVerdict, outcome: Outcome) {
        self.packet = packet
        self.verdict = verdict
        self.outcome = outcome
    }

    package var tick: Int64 { packet.tick }
}
