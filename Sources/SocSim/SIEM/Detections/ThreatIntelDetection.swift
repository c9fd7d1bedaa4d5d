/// Any event that names a known-bad indicator: a source or destination address (exact or inside
/// a CIDR), a queried domain (or a parent of it), a requested URL. The hit's severity follows the
/// indicator's confidence; repeats of one indicator from one source are throttled.
struct ThreatIntelDetection: Sendable {
    static let descriptor = DetectionDescriptor(
        id: DetectionKind.threatIntelMatch.rawValue, title: "Threat intelligence match",
        summary:
            "An event's address, domain or URL matches an unexpired indicator of at least minimumConfidence; "
            + "severity follows the indicator's confidence.",
        severity: .high, technique: .applicationLayerProtocol,
        thresholds: [
            .integer(
                "minimumConfidence", "Least indicator confidence (0-100) that raises a hit", default: 50, in: 0...100),
            .integer(
                "realertTicks", "Ticks before one indicator is reported again for one source", default: 600,
                in: 1...8_640_000),
            .integer(
                "trackedPairs", "Most (source, indicator) pairs throttled at once", default: 4_096, in: 16...1_000_000),
        ])

    private struct Key: Hashable, Sendable {
        var source: AlertSource
        var indicator: IndicatorKey
    }

    var index = ThreatIntelIndex()
    /// The time indicator expiry is judged against; nil uses each event's own timestamp.
    var expiryClockMilliseconds: Int64?
    private var minimumConfidence = 0
    private var realertTicks: Int64 = 0
    private var throttle: BoundedKeyTable<Key, Int64>

    init(thresholds: DetectionThresholds) {
        throttle = BoundedKeyTable(sizedBy: "trackedPairs", in: thresholds)
        apply(thresholds)
    }

    mutating func apply(_ thresholds: DetectionThresholds) {
        minimumConfidence = Int(thresholds.integer("minimumConfidence"))
        realertTicks = thresholds.integer("realertTicks")
        throttle.resize(toThreshold: "trackedPairs", in: thresholds)
    }

    static func severity(confidence: Int) -> Severity {
        switch confidence {
        case 90...: .critical
        case 70..<90: .high
        case 40..<70: .medium
        default: .low
        }
    }

    mutating func observe(_ event: SecurityEvent, activity: inout ActivityLog, hits: inout [DetectionHit]) {
        guard !index.isEmpty else { return }
        let now = expiryClockMilliseconds ?? event.timestampMilliseconds
        var match: (indicator: Indicator, field: ECSField)?
        if let address = event.sourceIP, let found = index.match(address: address, nowMilliseconds: now) {
            match = (found, .sourceIP)
        } else if let address = event.destinationIP, let found = index.match(address: address, nowMilliseconds: now) {
            match = (found, .destinationIP)
        } else {
            switch event.detail {
            case .dns(let dns):
                if let found = index.match(domain: dns.name, nowMilliseconds: now) { match = (found, .dnsQuestionName) }
            case .webAccess(let web):
                if let found = index.match(url: web.target, nowMilliseconds: now) { match = (found, .urlOriginal) }
            case .dhcp(let dhcp):
                if let address = dhcp.address, let found = index.match(address: address, nowMilliseconds: now) {
                    match = (found, .hostIP)
                }
            case .firewall, .auth: break
            }
        }
        guard let (indicator, field) = match, indicator.confidence >= minimumConfidence else { return }
        let source: AlertSource
        if let address = event.sourceIP {
            source = AlertSource(address: address)
        } else if case .dhcp(let dhcp) = event.detail {
            source = AlertSource(address: dhcp.address, mac: dhcp.mac)
        } else {
            source = AlertSource()
        }
        activity.record(.threatIntelMatch, source, tick: event.tick)
        let tick = event.tick
        let realert = realertTicks
        let fire = throttle.update(
            Key(source: source, indicator: indicator.key), tick: tick, idleTicks: realert, make: { Int64.min }
        ) { lastFiring in
            guard lastFiring == .min || tick - lastFiring >= realert else { return false }
            lastFiring = tick
            return true
        }
        guard fire else { return }
        let origin = indicator.source.isEmpty ? "" : " from \(indicator.source)"
        hits.append(
            DetectionHit(
                detection: .threatIntelMatch, severity: Self.severity(confidence: indicator.confidence),
                source: source, tick: tick, eventCount: 1,
                summary:
                    "\(field.rawValue) matched \(indicator.kind.rawValue) indicator \(indicator.value)\(origin) "
                    + "(confidence \(indicator.confidence))",
                evidence: [event]))
    }
}
