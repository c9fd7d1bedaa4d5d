/// The router's DHCP server: fixed leases for the LAN's known machines, a dynamic pool for
/// anything else (a rogue device joining shows up in the log with a pool address). A new device
/// that asks for a free pool address gets it, as ISC dhcpd grants the requested-address option;
/// otherwise it gets the lowest free one.
package struct DHCPServerModel: Sendable, Hashable, Codable {
    package struct Reservation: Sendable, Hashable, Codable {
        package var mac: MACAddress
        package var address: IPv4Address
        package var hostName: String

        package init(mac: MACAddress, address: IPv4Address, hostName: String) {
            self.mac = mac
            self.address = address
            self.hostName = hostName
        }
    }

    package var reservations: [Reservation]
    /// The dynamic pool, `first...last`.
    package var pool: ClosedRange<UInt32>
    /// Dynamic leases handed out, in the order they were granted (an array keeps snapshots stable).
    package private(set) var dynamicLeases: [Reservation] = []

    /// The room router's dynamic pool: 10.0.0.100-10.0.0.199.
    package static let roomPool = IPv4Address(10, 0, 0, 100).value...IPv4Address(10, 0, 0, 199).value

    package init(reservations: [Reservation], pool: ClosedRange<UInt32>) {
        self.reservations = reservations
        self.pool = pool
    }

    /// The messages dhcpd logs for `message`: the client's, then its answer.
    package mutating func handle(_ message: DHCPMessage) -> [(DHCPLogRecord.MessageType, IPv4Address?)] {
        switch message.kind {
        case .discover:
            guard let address = address(for: message) else {
                return [(.discover, nil)]  // pool exhausted: dhcpd logs "no free leases" and stays quiet
            }
            return [(.discover, nil), (.offer, address)]
        case .request:
            let granted = address(for: message)
            let requested = message.requestedAddress ?? granted
            if let granted, granted == requested {
                return [(.request, requested), (.ack, granted)]
            }
            return [(.request, requested), (.nak, requested)]
        case .release:
            dynamicLeases.removeAll { $0.mac == message.clientMAC }
            return [(.release, message.requestedAddress)]
        }
    }

    private mutating func address(for message: DHCPMessage) -> IPv4Address? {
        let mac = message.clientMAC
        if let reserved = reservations.first(where: { $0.mac == mac }) { return reserved.address }
        if let leased = dynamicLeases.first(where: { $0.mac == mac }) { return leased.address }
        let used = Set(dynamicLeases.map(\.address.value))
        let wanted = message.requestedAddress.map(\.value).flatMap {
            pool.contains($0) && !used.contains($0) ? $0 : nil
        }
        guard let free = wanted ?? pool.first(where: { !used.contains($0) }) else { return nil }
        dynamicLeases.append(Reservation(mac: mac, address: IPv4Address(free), hostName: message.clientHostName))
        return IPv4Address(free)
    }
}
