/// A policy violation: a device whose MAC is not in the inventory talking to the DHCP server
/// (someone plugged in a laptop, a Raspberry Pi, a rogue access point).
struct UnknownDeviceDetection: Sendable {
    static let descriptor = DetectionDescriptor(
        id: DetectionKind.unknownDHCPDevice.rawValue, title: "Unknown device on the LAN",
        summary: "A MAC address missing from the device inventory asks the DHCP server for a lease.",
        severity: .medium, technique: .hardwareAdditions,
        thresholds: [
            .integer(
                "realertTicks", "Ticks before the same device is reported again", default: 6_000, in: 1...8_640_000),
            .integer("trackedDevices", "Most unknown devices remembered at once", default: 1_024, in: 16...1_000_000),
        ])

    var inventory: DeviceInventory
    private var realertTicks: Int64 = 0
    private var keys: BoundedKeyTable<MACAddress, Int64>

    init(thresholds: DetectionThresholds, inventory: DeviceInventory) {
        self.inventory = inventory
        keys = BoundedKeyTable(sizedBy: "trackedDevices", in: thresholds)
        apply(thresholds)
    }

    mutating func apply(_ thresholds: DetectionThresholds) {
        realertTicks = thresholds.integer("realertTicks")
        keys.resize(toThreshold: "trackedDevices", in: thresholds)
    }

    mutating func observe(
        _ event: SecurityEvent, symbols: SymbolTable, activity: inout ActivityLog, hits: inout [DetectionHit]
    ) {
        guard case .dhcp(let dhcp) = event.detail, dhcp.messageType != .offer, dhcp.messageType != .ack,
            dhcp.messageType != .nak, !inventory.knows(dhcp.mac)
        else { return }
        let host = symbols[dhcp.hostName]
        let source = AlertSource(mac: dhcp.mac, host: host.isEmpty ? nil : host)
        activity.record(.unknownDHCPDevice, source, tick: event.tick)
        let tick = event.tick
        let realert = realertTicks
        let fire = keys.update(dhcp.mac, tick: tick, idleTicks: realert, make: { Int64.min }) { lastFiring in
            guard lastFiring == .min || tick - lastFiring >= realert else { return false }
            lastFiring = tick
            return true
        }
        guard fire else { return }
        let address = dhcp.address.map { " for \($0)" } ?? ""
        hits.append(
            DetectionHit(
                detection: .unknownDHCPDevice, severity: Self.descriptor.severity, source: source, tick: tick,
                eventCount: 1,
                summary: "unknown device \(source) sent \(dhcp.messageType.rawValue)\(address)", evidence: [event]))
    }
}
