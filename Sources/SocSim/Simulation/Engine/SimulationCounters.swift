/// Running totals since the scenario was loaded. Persisted in snapshots.
package struct SimulationCounters: Sendable, Hashable, Codable {
    package var packets = 0
    package var accepted = 0
    package var dropped = 0
    package var rejected = 0
    package var maliciousPackets = 0
    /// Malicious packets the firewall dropped or rejected.
    package var maliciousBlocked = 0
    /// Malicious packets the firewall let through to the web server.
    package var maliciousReachedServer = 0
    package var legitimatePackets = 0
    package var legitimateSucceeded = 0
    /// Legitimate packets the firewall dropped or rejected.
    package var legitimateBlocked = 0
    /// Legitimate requests that got through but were refused by the overloaded server.
    package var legitimateRefusedByServer = 0
    /// Requests the web server answered, and those it refused with 503.
    package var serverAnswered = 0
    package var serverRefused = 0

    package init() {}

    /// Malicious packets the firewall let through, wherever they were going: the web server, the
    /// router's resolver, a drop site outside. The figure a learner drives to zero; it differs
    /// from `maliciousReachedServer` for attacks aimed elsewhere than the web server.
    package var maliciousThrough: Int { maliciousPackets - maliciousBlocked }

    /// Legitimate packets that did not get what they came for.
    package var legitimateLost: Int { legitimateBlocked + legitimateRefusedByServer }
}
