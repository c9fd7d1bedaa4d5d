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
    /// Password guessing on the web server's SSH from the attacker's address; the right password
    /// comes after a number of wrong guesses the seed draws from `attemptsBeforeSuccess`.
    case sshBruteForce(attemptsPerTick: Double, startTick: Int64, attemptsBeforeSuccess: ClosedRange<Int>)
    /// Data out through DNS from the LAN's last workstation, whose user is away: the world leaves
    /// that machine out of `workstationActivity`, so only the malware uses it.
    case dnsTunnel(queriesPerTick: Double, startTick: Int64)
    /// An unregistered device joining the LAN through DHCP at `joinTick`, then uploading to the
    /// attacker's address and guessing default passwords on the web server's SSH.
    case rogueDevice(joinTick: Int64, uploadsPerTick: Double, loginAttemptsPerTick: Double)
    /// SYNs from the attacker's address to every port of `ports` on the web server.
    case portScan(probesPerTick: Int, startTick: Int64, ports: ClosedRange<UInt16>)

    /// Whether this traffic is (part of) the attack rather than the network's ordinary life.
    package var isAttack: Bool {
        switch self {
        case .publicBrowsing, .browsingFromAttackerAddress, .workstationActivity, .dhcpLeases, .adminSSH: false
        case .httpFlood, .sshBruteForce, .dnsTunnel, .rogueDevice, .portScan: true
        }
    }

    /// Whether it runs on a compromised workstation, taken over from its user.
    var runsOnCompromisedWorkstation: Bool {
        if case .dnsTunnel = self { return true }
        return false
    }
}
