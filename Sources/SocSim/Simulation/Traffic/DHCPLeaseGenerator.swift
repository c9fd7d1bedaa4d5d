/// The LAN's DHCP clients: each discovers and requests a lease when it boots and renews it at half
/// its lifetime (RFC 2131's T1), unicast to the router.
///
/// Clients are open-loop: they do not notice when the firewall drops their messages. That keeps
/// generation independent of the rules, so a run's traffic depends on the seed alone.
package struct DHCPLeaseGenerator: Sendable, Hashable, Codable {
    package struct Client: Sendable, Hashable, Codable {
        package enum Phase: String, Sendable, Hashable, Codable {
            case discovering, requesting, bound
        }

        package var hostName: String
        package var mac: MACAddress
        /// The address the client holds or asks for.
        package var address: IPv4Address
        package var phase: Phase
        package var nextMessageTick: Int64

        package init(hostName: String, mac: MACAddress, address: IPv4Address, phase: Phase, nextMessageTick: Int64) {
            self.hostName = hostName
            self.mac = mac
            self.address = address
            self.phase = phase
            self.nextMessageTick = nextMessageTick
        }
    }

    package var clients: [Client]
    package var server: IPv4Address
    package var serverHost: String
    package var leaseTicks: Int64

    package init(clients: [Client], server: IPv4Address, serverHost: String, leaseTicks: Int64) {
        precondition(leaseTicks >= 2, "a lease must last at least two ticks")
        self.clients = clients
        self.server = server
        self.serverHost = serverHost
        self.leaseTicks = leaseTicks
    }

    package mutating func generate(into batch: inout PacketBatch, random: inout Xoshiro256StarStar) {
        let tick = batch.tick
        for index in clients.indices where clients[index].nextMessageTick <= tick {
            let client = clients[index]
            let kind: DHCPMessage.Kind
            let tuple: FiveTuple
            switch client.phase {
            case .discovering:
                kind = .discover
                tuple = FiveTuple(
                    source: .unspecified, destination: .limitedBroadcast, sourcePort: 68, destinationPort: 67,
                    proto: .udp)
                clients[index].phase = .requesting
                clients[index].nextMessageTick = tick + 1
            case .requesting:
                kind = .request
                tuple = FiveTuple(
                    source: .unspecified, destination: .limitedBroadcast, sourcePort: 68, destinationPort: 67,
                    proto: .udp)
                clients[index].phase = .bound
                clients[index].nextMessageTick = tick + leaseTicks / 2
            case .bound:
                kind = .request
                tuple = FiveTuple(
                    source: client.address, destination: server, sourcePort: 68, destinationPort: 67, proto: .udp)
                clients[index].nextMessageTick = tick + leaseTicks / 2
            }
            let message = DHCPMessage(
                kind: kind, clientMAC: client.mac, clientHostName: client.hostName,
                requestedAddress: kind == .discover ? nil : client.address)
            batch.emit(
                tuple, size: 328 + random.nextIndex(below: 16), payload: .dhcp(message),
                sourceHost: client.hostName, destinationHost: serverHost)
        }
    }
}
