/// The room's attack: one source sending far more requests to one web service than any visitor.
/// Counts web access log entries per (client, server, port) over a sliding window; the access log
/// records every request the server saw, answered or refused with 503, so the count is the load
/// the source put on the service. Blocked requests never reach the log, which is what lets the
/// incident policy see the flood stop once the learner's rule is in.
struct RequestFloodDetection: Sendable {
    static let descriptor = DetectionDescriptor(
        id: DetectionKind.requestFlood.rawValue, title: "Request flood on a web service",
        summary:
            "One source sends more than minimumRequests requests to one service (server address and port) within "
            + "windowTicks: an application-layer denial of service.",
        severity: .high, technique: .endpointDenialOfService,
        thresholds: [
            .integer("windowTicks", "Length of the sliding window, in ticks", default: 50, in: 1...36_000),
            .integer("minimumRequests", "Requests in the window that make a flood", default: 300, in: 2...10_000_000),
            .integer(
                "trackedSources", "Most (source, service) pairs counted at once", default: 4_096, in: 16...1_000_000),
        ])

    private struct Key: Hashable, Sendable {
        var client: IPv4Address
        var server: IPv4Address
        var port: UInt16
    }

    private var windowTicks: Int64 = 0
    private var minimumRequests = 0
    private var keys: BoundedKeyTable<Key, RateTrigger>

    init(thresholds: DetectionThresholds) {
        keys = BoundedKeyTable(sizedBy: "trackedSources", in: thresholds)
        apply(thresholds)
    }

    mutating func apply(_ thresholds: DetectionThresholds) {
        windowTicks = thresholds.integer("windowTicks")
        minimumRequests = Int(thresholds.integer("minimumRequests"))
        keys.resize(toThreshold: "trackedSources", in: thresholds)
    }

    mutating func observe(_ event: SecurityEvent, activity: inout ActivityLog, hits: inout [DetectionHit]) {
        guard case .webAccess = event.detail, let client = event.sourceIP, let server = event.destinationIP,
            let port = event.destinationPort
        else { return }
        let window = windowTicks
        let threshold = minimumRequests
        let (firing, active) = keys.update(
            Key(client: client, server: server, port: port), tick: event.tick, idleTicks: window, make: RateTrigger.init
        ) { trigger in
            let firing = trigger.record(
                event, window: window, threshold: threshold, realertTicks: window, evidenceLimit: evidenceLimit)
            return (firing, trigger.hasFired)
        }
        let source = AlertSource(address: client)
        if active { activity.record(.requestFlood, source, tick: event.tick) }
        guard let firing else { return }
        hits.append(
            DetectionHit(
                detection: .requestFlood, severity: Self.descriptor.severity, source: source, tick: event.tick,
                eventCount: firing.eventsSinceLastFiring,
                summary: "\(client) sent \(firing.windowCount) requests to \(server):\(port) in \(window) ticks",
                evidence: firing.evidence))
    }
}

/// Events kept as evidence per hit: enough to see the pattern, few enough to keep alerts small.
let evidenceLimit = 5
