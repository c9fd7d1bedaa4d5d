import JSONRPC

/// Packet totals since the scenario was loaded (or, in a `sim` summary's `delta`, over the last
/// second).
package struct SimCounters: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var packets: Int
    package var accepted: Int
    package var dropped: Int
    package var rejected: Int
    package var maliciousPackets: Int
    package var maliciousBlocked: Int
    package var maliciousReachedServer: Int
    /// Attack packets the firewall let through, to wherever they were going.
    package var maliciousThrough: Int
    package var legitimatePackets: Int
    package var legitimateSucceeded: Int
    package var legitimateBlocked: Int
    package var legitimateRefusedByServer: Int
    package var legitimateLost: Int
    package var serverAnswered: Int
    package var serverRefused: Int

    package init(
        packets: Int = 0, accepted: Int = 0, dropped: Int = 0, rejected: Int = 0, maliciousPackets: Int = 0,
        maliciousBlocked: Int = 0, maliciousReachedServer: Int = 0, maliciousThrough: Int = 0,
        legitimatePackets: Int = 0,
        legitimateSucceeded: Int = 0, legitimateBlocked: Int = 0, legitimateRefusedByServer: Int = 0,
        legitimateLost: Int = 0, serverAnswered: Int = 0, serverRefused: Int = 0
    ) {
        self.packets = packets
        self.accepted = accepted
        self.dropped = dropped
        self.rejected = rejected
        self.maliciousPackets = maliciousPackets
        self.maliciousBlocked = maliciousBlocked
        self.maliciousReachedServer = maliciousReachedServer
        self.maliciousThrough = maliciousThrough
        self.legitimatePackets = legitimatePackets
        self.legitimateSucceeded = legitimateSucceeded
        self.legitimateBlocked = legitimateBlocked
        self.legitimateRefusedByServer = legitimateRefusedByServer
        self.legitimateLost = legitimateLost
        self.serverAnswered = serverAnswered
        self.serverRefused = serverRefused
    }

    /// `self - earlier`, member by member: what happened in between.
    package func subtracting(_ earlier: SimCounters) -> SimCounters {
        SimCounters(
            packets: packets - earlier.packets, accepted: accepted - earlier.accepted,
            dropped: dropped - earlier.dropped, rejected: rejected - earlier.rejected,
            maliciousPackets: maliciousPackets - earlier.maliciousPackets,
            maliciousBlocked: maliciousBlocked - earlier.maliciousBlocked,
            maliciousReachedServer: maliciousReachedServer - earlier.maliciousReachedServer,
            maliciousThrough: maliciousThrough - earlier.maliciousThrough,
            legitimatePackets: legitimatePackets - earlier.legitimatePackets,
            legitimateSucceeded: legitimateSucceeded - earlier.legitimateSucceeded,
            legitimateBlocked: legitimateBlocked - earlier.legitimateBlocked,
            legitimateRefusedByServer: legitimateRefusedByServer - earlier.legitimateRefusedByServer,
            legitimateLost: legitimateLost - earlier.legitimateLost,
            serverAnswered: serverAnswered - earlier.serverAnswered,
            serverRefused: serverRefused - earlier.serverRefused)
    }

    package static let fieldDescriptions = [
        "packets": "Packets the firewall decided.",
        "accepted": "Packets the firewall let through.",
        "dropped": "Packets dropped silently.",
        "rejected": "Packets rejected (the sender was told).",
        "maliciousPackets": "Attack packets sent (the red ones).",
        "maliciousBlocked": "Attack packets the firewall dropped or rejected.",
        "maliciousReachedServer": "Attack packets that reached the web server.",
        "maliciousThrough":
            "Attack packets the firewall let through, wherever they were going (the web server, the resolver, "
            + "outside): maliciousPackets - maliciousBlocked.",
        "legitimatePackets": "Legitimate packets sent.",
        "legitimateSucceeded": "Legitimate packets that got what they came for.",
        "legitimateBlocked": "Legitimate packets the firewall dropped or rejected.",
        "legitimateRefusedByServer": "Legitimate requests the overloaded server refused (503).",
        "legitimateLost": "legitimateBlocked + legitimateRefusedByServer.",
        "serverAnswered": "Requests the web server answered.",
        "serverRefused": "Requests the web server refused with 503.",
    ]
}
