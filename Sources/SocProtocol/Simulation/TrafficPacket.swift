import JSONRPC

/// A simulated packet with the firewall's verdict and what became of it.
package struct TrafficPacket: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package enum Outcome: String, Codable, Sendable, Hashable, CaseIterable, JSONSchemaEnum {
        /// The firewall dropped or rejected it.
        case blocked
        /// It reached its service and was handled.
        case delivered
        /// It reached the web server, which was too busy to answer (503).
        case refusedByServer
    }

    package var id: Int
    package var tick: Int
    package var time: String
    package var src: String
    package var dst: String
    package var sport: Int
    package var dport: Int
    package var proto: String
    package var size: Int
    package var flags: [String]
    package var summary: String
    /// Part of the attack: the room's red packets.
    package var malicious: Bool
    package var srcHost: String?
    package var dstHost: String?
    /// `ACCEPT`, `DROP` or `REJECT`.
    package var verdict: String
    /// The rule that decided; absent when the default policy did.
    package var ruleId: Int?
    package var outcome: Outcome

    package init(
        id: Int, tick: Int, time: String, src: String, dst: String, sport: Int, dport: Int, proto: String, size: Int,
        flags: [String], summary: String, malicious: Bool, srcHost: String?, dstHost: String?, verdict: String,
        ruleId: Int?, outcome: Outcome
    ) {
        self.id = id
        self.tick = tick
        self.time = time
        self.src = src
        self.dst = dst
        self.sport = sport
        self.dport = dport
        self.proto = proto
        self.size = size
        self.flags = flags
        self.summary = summary
        self.malicious = malicious
        self.srcHost = srcHost
        self.dstHost = dstHost
        self.verdict = verdict
        self.ruleId = ruleId
        self.outcome = outcome
    }

    package static let fieldDescriptions = [
        "id": "Sequential within the scenario run.",
        "tick": "The tick it was sent in.",
        "time": "Its simulated time (ISO 8601, UTC).",
        "size": "Bytes on the wire.",
        "flags": "TCP flags, in iptables LOG order.",
        "summary": "What it carries, in a few words: GET /login, DNS A example.com, DHCPREQUEST.",
        "malicious": "Part of the attack: the red packets.",
        "srcHost": "The source's host name when it is a machine of the network.",
        "dstHost": "The destination's host name when it is a machine of the network.",
        "verdict": "ACCEPT, DROP or REJECT.",
        "ruleId": "The rule that decided; absent when the default policy did.",
        "outcome": "blocked, delivered, or refusedByServer (it got through, but the server was overloaded).",
    ]
}
