import SocProtocol

/// One packet as a line for people:
/// `14:03:07.120 tick 1234  198.51.100.7:41522 → 10.0.0.10:80      tcp  GET /login  DROP rule 1`.
///
/// The time is the packet's simulated time of day (UTC), which with the tick is what the logs
/// show too. Endpoints are padded so that arrows and protocols line up down a stream of lines;
/// the line is red for a malicious packet and green for a legitimate one when colour is on.
package enum TrafficLine {
    /// `255.255.255.255:65535`, the widest endpoint: sources are right-aligned to it.
    static let sourceWidth = 21
    /// Destinations are mostly the LAN's `10.0.0.10:80`; wider ones push the rest along.
    static let destinationWidth = 15

    package static func format(_ packet: TrafficPacket, glyphs: DrawingGlyphs, style: Style) -> String {
        let source = pad("\(packet.src):\(packet.sport)", sourceWidth, right: true)
        let destination = pad("\(packet.dst):\(packet.dport)", destinationWidth, right: false)
        let text =
            "\(timeOfDay(packet.time)) tick \(packet.tick)  \(source) \(glyphs.arrow) \(destination) "
            + "\(pad(packet.proto, 4, right: false)) \(packet.summary)  \(verdict(packet))"
        return packet.malicious ? style.red(text) : style.green(text)
    }

    /// `DROP rule 1`, `ACCEPT` for the default policy, `ACCEPT, server busy (503)` for a packet that
    /// got through to an overloaded server.
    package static func verdict(_ packet: TrafficPacket) -> String {
        var text = packet.verdict
        if let rule = packet.ruleId { text += " rule \(rule)" }
        if packet.outcome == .refusedByServer { text += ", server busy (503)" }
        return text
    }

    /// `HH:MM:SS.mmm` of an ISO 8601 time, or the text as it is when it has another shape.
    package static func timeOfDay(_ time: String) -> String {
        guard let separator = time.firstIndex(of: "T") else { return time }
        let clock = time[time.index(after: separator)...].prefix(12)
        return clock.count == 12 ? String(clock) : time
    }

    private static func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
