/// Reconnaissance: one source touching many distinct destination ports within a window. Reads
/// the firewall log, which records every packet whatever the verdict, so a scan shows even when
/// the firewall drops it. Visitors and workstations use a handful of ports (53, 80, 443, 22).
struct PortScanDetection: Sendable {
    static let descriptor = DetectionDescriptor(
        id: DetectionKind.portScan.rawValue, title: "Port scan",
        summary: "One source sends packets to minimumDistinctPorts different destination ports within windowTicks.",
        severity: .medium, technique: .networkServiceDiscovery,
        thresholds: [
            .integer("windowTicks", "Length of the sliding window, in ticks", default: 100, in: 1...36_000),
            .integer(
                "minimumDistinctPorts", "Distinct destination ports in the window that make a scan", default: 20,
                in: 2...65_536),
            .integer("trackedSources", "Most sources tracked at once", default: 4_096, in: 16...1_000_000),
        ])

    private struct State: Sendable {
        /// Last tick each destination port was seen.
        var ports: [UInt16: Int64] = [:]
        var lastFiringTick: Int64?
        var packetsSinceFiring = 0
        var evidence: [SecurityEvent] = []
    }

    private var windowTicks: Int64 = 0
    private var minimumDistinctPorts = 0
    private var keys: BoundedKeyTable<IPv4Address, State>

    init(thresholds: DetectionThresholds) {
        keys = BoundedKeyTable(sizedBy: "trackedSources", in: thresholds)
        apply(thresholds)
    }

    mutating func apply(_ thresholds: DetectionThresholds) {
        windowTicks = thresholds.integer("windowTicks")
        minimumDistinctPorts = Int(thresholds.integer("minimumDistinctPorts"))
        keys.resize(toThreshold: "trackedSources", in: thresholds)
    }

    mutating func observe(_ event: SecurityEvent, activity: inout ActivityLog, hits: inout [DetectionHit]) {
        guard case .firewall = event.detail, let source = event.sourceIP, let port = event.destinationPort else {
            return
        }
        let window = windowTicks
        let threshold = minimumDistinctPorts
        let tick = event.tick
        let (result, active): ((distinct: Int, packets: Int, evidence: [SecurityEvent])?, Bool) = keys.update(
            source, tick: tick, idleTicks: window, make: State.init
        ) { state in
            state.packetsSinceFiring += 1
            let isNew = state.ports.updateValue(tick, forKey: port).map { $0 <= tick - window } ?? true
            if isNew && state.evidence.count < evidenceLimit - 1 { state.evidence.append(event) }
            // Prune only when the count could matter, so steady traffic to a few ports costs nothing.
            if state.ports.count >= threshold { state.ports = state.ports.filter { $0.value > tick - window } }
            let active = state.lastFiringTick != nil
            guard state.ports.count >= threshold else { return (nil, active) }
            if let last = state.lastFiringTick, tick - last < window { return (nil, active) }
            state.lastFiringTick = tick
            var evidence = state.evidence
            if evidence.last?.sequence != event.sequence { evidence.append(event) }
            let result = (state.ports.count, state.packetsSinceFiring, evidence)
            state.packetsSinceFiring = 0
            state.evidence.removeAll()
            return (result, true)
        }
        let alertSource = AlertSource(address: source)
        if active { activity.record(.portScan, alertSource, tick: tick) }
        guard let result else { return }
        hits.append(
            DetectionHit(
                detection: .portScan, severity: Self.descriptor.severity, source: alertSource, tick: tick,
                eventCount: result.packets,
                summary: "\(source) probed \(result.distinct) destination ports in \(window) ticks",
                evidence: result.evidence))
    }
}
