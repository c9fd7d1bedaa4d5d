/// One traffic source of a scenario, as data. Addresses are not written here: the scenario's seed
/// places the attacker and the visitors (`ScenarioWorld`), and each spec becomes a
/// `TrafficGenerator` bound to them. Rates are per tick at a traffic scale of 1.
package enum TrafficSpec: Sendable, Hashable {
    /// Internet visitors browsing the company site.
    case publicBrowsing(requestsPerTick: Double, port: UInt16, loginFailureChance: Double)
    /// Legitimate users behind the attacker's own address (a shared gateway): what a rule on the
    /// attacker's address alone would cut off.
    case browsingFromAttackerAddress(requestsPerTick: Double, port: UInt16, loginFailureChance: Double)
    /// Per workstation: DNS lookups with HTTPS visits to outside sites, and intranet requests.
    case workstationActivity(visitsPerTick: Double, intranetRequestsPerTick: Double)
    case dhcpLeases(leaseTicks: Int64)
    /// An administrator on the first workstation logging in to the web server.
    case adminSSH(sessionsPerTick: Double, typoChance: Double)
    /// The attack, from the address (or network) the seed chose.
    case httpFlood(requestsPerTick: Double, startTick: Int64, port: UInt16, requests: [HTTPRequest])
}
