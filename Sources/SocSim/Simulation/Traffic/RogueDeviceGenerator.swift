/// A device nobody registered, plugged into the LAN: it joins through DHCP (DISCOVER, then
/// REQUEST, for the address it wants from the dynamic pool), then uploads to the attacker's
/// server over HTTPS and tries default passwords on the web server's SSH. Every packet it sends
/// is part of the attack.
///
/// It asks for `address` in both messages (the requested-address option), and the router's
/// DHCP server grants a free pool address that is asked for, so the lease the DHCP log shows is
/// the address the device then uses. Open-loop: it uses that address whatever the firewall did
/// to its DHCP messages.
package struct RogueDeviceGenerator: Sendable, Hashable, Codable {
    package enum Phase: String, Sendable, Hashable, Codable {
        case waiting, discovering, requesting, active
    }

    package var mac: MACAddress
    package var hostName: String
    package var address: IPv4Address
    package var dhcpServer: IPv4Address
    package var dhcpServerHost: String
    package var webServer: IPv4Address
    package var webServerHost: String
    package var sshPort: UInt16
    /// Where the stolen data goes.
    package var dropSite: IPv4Address
    package var dropSiteName: String
    package var joinTick: Int64
    package var uploadsPerTick: Double
    package var loginAttemptsPerTick: Double
    package private(set) var phase = Phase.waiting
    package private(set) var loginAttemptsSent = 0

    /// The accounts single-board computers and appliances ship with.
    package static let defaultAccounts = ["pi", "admin", "root", "ubnt", "user"]

    package init(
        mac: MACAddress, hostName: String, address: IPv4Address, dhcpServer: IPv4Address, dhcpServerHost: String,
        webServer: IPv4Address, webServerHost: String, sshPort: UInt16, dropSite: IPv4Address, dropSiteName: String,
        joinTick: Int64, uploadsPerTick: Double, loginAttemptsPerTick: Double
    ) {
        self.mac = mac
        self.hostName = hostName
        self.address = address
        self.dhcpServer = dhcpServer
        self.dhcpServerHost = dhcpServerHost
        self.webServer = webServer
        self.webServerHost = webServerHost
        self.sshPort = sshPort
        self.dropSite = dropSite
        self.dropSiteName = dropSiteName
        self.joinTick = joinTick
        self.uploadsPerTick = uploadsPerTick
        self.loginAttemptsPerTick = loginAttemptsPerTick
    }

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        switch phase {
        case .waiting:
            guard batch.tick >= joinTick else { return }
            sendDHCP(.discover, into: &batch, random: &random)
            phase = .discovering
        case .discovering:
            sendDHCP(.request, into: &batch, random: &random)
            phase = .requesting
        case .requesting:
            // The lease is ACKed; the device sets its address up before it talks.
            phase = .active
        case .active:
            for _ in 0..<random.eventCount(mean: uploadsPerTick) {
                batch.emit(
                    FiveTuple(
                        source: address, destination: dropSite, sourcePort: random.ephemeralPort(),
                        destinationPort: 443, proto: .tcp),
                    size: 1_200 + random.nextIndex(below: 300), tcpFlags: .data,
                    payload: .tls(serverName: dropSiteName), malicious: true, sourceHost: hostName,
                    destinationHost: nil)
            }
            for _ in 0..<random.eventCount(mean: loginAttemptsPerTick) {
                let user = Self.defaultAccounts[loginAttemptsSent % Self.defaultAccounts.count]
                loginAttemptsSent += 1
                batch.emit(
                    FiveTuple(
                        source: address, destination: webServer, sourcePort: random.ephemeralPort(),
                        destinationPort: sshPort, proto: .tcp),
                    size: 160 + random.nextIndex(below: 40), tcpFlags: .data,
                    payload: .sshLogin(
                        SSHLoginAttempt(
                            user: user, passwordCorrect: false,
                            userExists: SSHBruteForceGenerator.serverAccounts.contains(user))),
                    malicious: true, sourceHost: hostName, destinationHost: webServerHost)
            }
        }
    }

    private func sendDHCP(_ kind: DHCPMessage.Kind, into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        batch.emit(
            FiveTuple(
                source: .unspecified, destination: .limitedBroadcast, sourcePort: 68, destinationPort: 67, proto: .udp),
            size: 328 + random.nextIndex(below: 16),
            payload: .dhcp(
                DHCPMessage(kind: kind, clientMAC: mac, clientHostName: hostName, requestedAddress: address)),
            malicious: true, sourceHost: hostName, destinationHost: dhcpServerHost)
    }
}
