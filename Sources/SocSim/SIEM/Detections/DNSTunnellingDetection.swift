/// Data smuggled through DNS: one machine asking for many long, random-looking names under one
/// domain within a window (the room's triage example). A query is suspicious when the part of
/// the name left of its registered domain (the last two labels) is at least
/// `minimumSubdomainLength` characters and its Shannon entropy reaches `minimumEntropyBits`.
struct DNSTunnellingDetection: Sendable {
    static let descriptor = DetectionDescriptor(
        id: DetectionKind.dnsTunnelling.rawValue, title: "DNS tunnelling",
        summary:
            "One machine sends minimumQueries queries with long (minimumSubdomainLength), high-entropy "
            + "(minimumEntropyBits per character) subdomains within windowTicks.",
        severity: .high, technique: .dnsTunnelling,
        thresholds: [
            .integer("windowTicks", "Length of the sliding window, in ticks", default: 600, in: 1...864_000),
            .integer(
                "minimumQueries", "Suspicious queries in the window that make a tunnel", default: 20, in: 1...1_000_000),
            .integer("minimumSubdomainLength", "Characters left of the registered domain", default: 24, in: 4...253),
            .decimal(
                "minimumEntropyBits", "Shannon entropy of the subdomain, bits per character", default: 3.5, in: 0...8),
            .integer("trackedSources", "Most machines tracked at once", default: 1_024, in: 16...1_000_000),
        ])

    private var windowTicks: Int64 = 0
    private var minimumQueries = 0
    private var minimumSubdomainLength = 0
    private var minimumEntropyBits = 0.0
    private var keys: BoundedKeyTable<IPv4Address, RateTrigger>

    init(thresholds: DetectionThresholds) {
        keys = BoundedKeyTable(sizedBy: "trackedSources", in: thresholds)
        apply(thresholds)
    }

    mutating func apply(_ thresholds: DetectionThresholds) {
        windowTicks = thresholds.integer("windowTicks")
        minimumQueries = Int(thresholds.integer("minimumQueries"))
        minimumSubdomainLength = Int(thresholds.integer("minimumSubdomainLength"))
        minimumEntropyBits = thresholds.decimal("minimumEntropyBits")
        keys.resize(toThreshold: "trackedSources", in: thresholds)
    }

    /// The labels left of the last two, without their dots: `a1b2.c3.tunnel.example` → `a1b2c3`.
    static func subdomain(of name: String) -> (text: Substring, registeredDomain: Substring)? {
        let trimmed = name.hasSuffix(".") ? name.dropLast() : name[...]
        guard let lastDot = trimmed.lastIndex(of: "."),
            let secondDot = trimmed[..<lastDot].lastIndex(of: ".")
        else { return nil }
        return (trimmed[..<secondDot], trimmed[trimmed.index(after: secondDot)...])
    }

    func isSuspicious(_ name: String) -> Bool {
        guard name.utf8.count > minimumSubdomainLength, let (subdomain, _) = Self.subdomain(of: name) else {
            return false
        }
        let letters = subdomain.filter { $0 != "." }
        return letters.utf8.count >= minimumSubdomainLength
            && ShannonEntropy.bitsPerByte(letters) >= minimumEntropyBits
    }

    mutating func observe(_ event: SecurityEvent, activity: inout ActivityLog, hits: inout [DetectionHit]) {
        guard case .dns(let dns) = event.detail, let client = event.sourceIP, isSuspicious(dns.name) else { return }
        let window = windowTicks
        let threshold = minimumQueries
        let (firing, active) = keys.update(client, tick: event.tick, idleTicks: window, make: RateTrigger.init) {
            trigger in
            let firing = trigger.record(
                event, window: window, threshold: threshold, realertTicks: window, evidenceLimit: evidenceLimit)
            return (firing, trigger.hasFired)
        }
        let source = AlertSource(address: client)
        if active { activity.record(.dnsTunnelling, source, tick: event.tick) }
        guard let firing else { return }
        let domain = Self.subdomain(of: dns.name).map { String($0.registeredDomain) } ?? dns.name
        hits.append(
            DetectionHit(
                detection: .dnsTunnelling, severity: Self.descriptor.severity, source: source, tick: event.tick,
                eventCount: firing.eventsSinceLastFiring,
                summary:
                    "\(client) sent \(firing.windowCount) long high-entropy queries (last under \(domain)) in "
                    + "\(window) ticks",
                evidence: firing.evidence))
    }
}
