/// Password guessing: many failed logins from one source within a window, and worse, a success
/// right after them. Reads the sshd authentication log; an administrator's occasional typo stays
/// far below the threshold.
struct BruteForceLoginDetection: Sendable {
    static let descriptor = DetectionDescriptor(
        id: DetectionKind.bruteForceLogin.rawValue, title: "Brute-force logins",
        summary:
            "One source fails minimumFailures logins within windowTicks; a successful login from it while that "
            + "many failures are in the window raises a critical hit.",
        severity: .high, technique: .bruteForce,
        thresholds: [
            .integer("windowTicks", "Length of the sliding window, in ticks", default: 600, in: 1...864_000),
            .integer(
                "minimumFailures", "Failed logins in the window that make a brute force", default: 10, in: 2...1_000_000
            ),
            .integer("trackedSources", "Most sources counted at once", default: 4_096, in: 16...1_000_000),
        ])

    private var windowTicks: Int64 = 0
    private var minimumFailures = 0
    private var keys: BoundedKeyTable<IPv4Address, RateTrigger>

    init(thresholds: DetectionThresholds) {
        keys = BoundedKeyTable(sizedBy: "trackedSources", in: thresholds)
        apply(thresholds)
    }

    mutating func apply(_ thresholds: DetectionThresholds) {
        windowTicks = thresholds.integer("windowTicks")
        minimumFailures = Int(thresholds.integer("minimumFailures"))
        keys.resize(toThreshold: "trackedSources", in: thresholds)
    }

    mutating func observe(
        _ event: SecurityEvent, symbols: SymbolTable, activity: inout ActivityLog, hits: inout [DetectionHit]
    ) {
        guard case .auth(let auth) = event.detail, let client = event.sourceIP else { return }
        let source = AlertSource(address: client)
        let window = windowTicks
        let threshold = minimumFailures
        if event.isFailure {
            let (firing, active) = keys.update(client, tick: event.tick, idleTicks: window, make: RateTrigger.init) {
                trigger in
                let firing = trigger.record(
                    event, window: window, threshold: threshold, realertTicks: window, evidenceLimit: evidenceLimit)
                return (firing, trigger.hasFired)
            }
            if active { activity.record(.bruteForceLogin, source, tick: event.tick) }
            guard let firing else { return }
            hits.append(
                DetectionHit(
                    detection: .bruteForceLogin, severity: Self.descriptor.severity, source: source, tick: event.tick,
                    eventCount: firing.eventsSinceLastFiring,
                    summary: "\(client) failed \(firing.windowCount) logins in \(window) ticks",
                    evidence: firing.evidence))
        } else {
            guard var trigger = keys.value(for: client) else { return }
            var counter = trigger.counter
            counter.expire(now: event.tick, window: window)
            guard counter.total >= threshold else { return }
            activity.record(.bruteForceLogin, source, tick: event.tick)
            hits.append(
                DetectionHit(
                    detection: .bruteForceLogin, severity: .critical, source: source, tick: event.tick, eventCount: 1,
                    summary:
                        "\(client) logged in as \(symbols[auth.user]) after \(counter.total) failed logins in "
                        + "\(window) ticks",
                    evidence: [event]))
            // Forget the failures, so one success is reported once.
            trigger = RateTrigger()
            keys.update(client, tick: event.tick, idleTicks: window, make: RateTrigger.init) { $0 = trigger }
        }
    }
}
