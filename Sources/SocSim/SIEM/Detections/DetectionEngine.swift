/// Runs every enabled detection over the normalized stream, in order, and collects their hits.
///
/// A value type with no clock and no randomness: the same events in the same order give the same
/// hits. Events must come in tick order (as `SecurityEventStore` enforces). Each detection's
/// state is bounded by its `tracked*` threshold; `activity` (sources that fired) is swept of
/// sources quiet for longer than `activityHorizonTicks`.
package struct DetectionEngine: Sendable {
    package private(set) var settings: [DetectionKind: DetectionSettings]
    package private(set) var activity = ActivityLog()
    /// How long a quiet source stays in `activity`; longer than any containment window in use.
    package var activityHorizonTicks: Int64 = 36_000

    private var requestFlood: RequestFloodDetection
    private var bruteForce: BruteForceLoginDetection
    private var portScan: PortScanDetection
    private var dnsTunnelling: DNSTunnellingDetection
    private var unknownDevice: UnknownDeviceDetection
    private var threatIntel: ThreatIntelDetection
    private var lastSweepTick: Int64 = 0
    /// Addresses any detection has fired on, and the last tick the firewall dropped or rejected
    /// a packet from each: what tells the incident policy that a quiet source is blocked rather
    /// than merely resting.
    private var flaggedAddresses: [IPv4Address: Int64?] = [:]
    /// `settings[kind].enabled`, kept apart so the per-event path reads a bit, not a dictionary.
    private var enabledKinds: Set<DetectionKind> = []

    /// Every detection at its defaults (or at `settings` where given), enabled.
    package init(inventory: DeviceInventory = DeviceInventory(), settings: [DetectionKind: DetectionSettings] = [:]) {
        var resolved: [DetectionKind: DetectionSettings] = [:]
        for kind in DetectionKind.allCases {
            resolved[kind] = settings[kind] ?? DetectionSettings(defaultsOf: kind.descriptor)
        }
        self.settings = resolved
        enabledKinds = Set(resolved.filter { $0.value.enabled }.keys)
        requestFlood = RequestFloodDetection(thresholds: resolved[.requestFlood]!.thresholds)
        bruteForce = BruteForceLoginDetection(thresholds: resolved[.bruteForceLogin]!.thresholds)
        portScan = PortScanDetection(thresholds: resolved[.portScan]!.thresholds)
        dnsTunnelling = DNSTunnellingDetection(thresholds: resolved[.dnsTunnelling]!.thresholds)
        unknownDevice = UnknownDeviceDetection(
            thresholds: resolved[.unknownDHCPDevice]!.thresholds, inventory: inventory)
        threatIntel = ThreatIntelDetection(thresholds: resolved[.threatIntelMatch]!.thresholds)
    }

    package static var descriptors: [DetectionDescriptor] { DetectionKind.allCases.map(\.descriptor) }

    // MARK: Intel and inventory

    package var intel: ThreatIntelIndex { threatIntel.index }

    /// Changes the indicator index in place. (A settable property would copy the whole index on
    /// every change, since the getter's copy shares its storage.)
    package mutating func updateIntel<Result>(
        _ change: (inout ThreatIntelIndex) throws -> Result
    ) rethrows
        -> Result
    {
        try change(&threatIntel.index)
    }

    /// The time indicator expiry is judged against (the daemon's wall clock); nil, the default,
    /// uses each event's simulated timestamp.
    package var intelExpiryClockMilliseconds: Int64? {
        get { threatIntel.expiryClockMilliseconds }
        set { threatIntel.expiryClockMilliseconds = newValue }
    }

    package var inventory: DeviceInventory {
        get { unknownDevice.inventory }
        set { unknownDevice.inventory = newValue }
    }

    // MARK: Settings

    /// `detections.update`: changes `id`'s enabled flag and/or some thresholds, all or nothing.
    @discardableResult
    package mutating func update(
        id: String, enabled: Bool? = nil, thresholds changes: [String: Double] = [:]
    )
        throws(DetectionError) -> DetectionSettings
    {
        guard let kind = DetectionKind(rawValue: id) else {
            throw .unknownDetection(id, known: DetectionKind.allCases.map(\.rawValue))
        }
        var updated = settings[kind]!
        updated.thresholds = try DetectionThresholds(
            updating: updated.thresholds, with: changes, specs: kind.descriptor.thresholds, detectionID: id)
        if let enabled { updated.enabled = enabled }
        settings[kind] = updated
        if updated.enabled { enabledKinds.insert(kind) } else { enabledKinds.remove(kind) }
        switch kind {
        case .requestFlood: requestFlood.apply(updated.thresholds)
        case .bruteForceLogin: bruteForce.apply(updated.thresholds)
        case .portScan: portScan.apply(updated.thresholds)
        case .dnsTunnelling: dnsTunnelling.apply(updated.thresholds)
        case .unknownDHCPDevice: unknownDevice.apply(updated.thresholds)
        case .threatIntelMatch: threatIntel.apply(updated.thresholds)
        }
        return updated
    }

    package func isEnabled(_ kind: DetectionKind) -> Bool { enabledKinds.contains(kind) }

    // MARK: Ingest

    /// Runs the detections `event`'s source feeds, then intel matching, appending any hits.
    package mutating func ingest(_ event: SecurityEvent, symbols: SymbolTable, hits: inout [DetectionHit]) {
        let hitsBefore = hits.count
        switch event.detail {
        case .webAccess:
            if enabledKinds.contains(.requestFlood) { requestFlood.observe(event, activity: &activity, hits: &hits) }
        case .auth:
            if enabledKinds.contains(.bruteForceLogin) {
                bruteForce.observe(event, symbols: symbols, activity: &activity, hits: &hits)
            }
        case .firewall(let firewall):
            if firewall.verdict != .accept, !flaggedAddresses.isEmpty, let source = event.sourceIP,
                flaggedAddresses[source] != nil
            {
                flaggedAddresses[source] = event.tick
            }
            if enabledKinds.contains(.portScan) { portScan.observe(event, activity: &activity, hits: &hits) }
        case .dns:
            if enabledKinds.contains(.dnsTunnelling) { dnsTunnelling.observe(event, activity: &activity, hits: &hits) }
        case .dhcp:
            if enabledKinds.contains(.unknownDHCPDevice) {
                unknownDevice.observe(event, symbols: symbols, activity: &activity, hits: &hits)
            }
        }
        if enabledKinds.contains(.threatIntelMatch) { threatIntel.observe(event, activity: &activity, hits: &hits) }
        for hit in hits[hitsBefore...] {
            if let address = hit.source.address, flaggedAddresses[address] == nil {
                flaggedAddresses[address] = .some(nil)
            }
        }
        if event.tick - lastSweepTick >= activityHorizonTicks {
            lastSweepTick = event.tick
            activity.sweep(before: event.tick - activityHorizonTicks)
        }
    }

    /// The last tick `source` did what `detection` fired on it for; nil if it never fired or has
    /// been quiet past the horizon.
    /// The last tick the firewall dropped or rejected a packet from `address`, tracked for
    /// addresses a detection has fired on.
    package func lastBlockedTick(of address: IPv4Address) -> Int64? {
        flaggedAddresses[address] ?? nil
    }

    package func lastActivityTick(of detection: DetectionKind, from source: AlertSource) -> Int64? {
        activity.lastTick(detection, source)
    }
}
