/// The state one key of a counting detection keeps: events in the sliding window, the first few
/// of them as evidence, and when it last fired. It fires when the window holds `threshold`
/// events, then at most once per `realertTicks` while the key stays above it, so a sustained
/// attack gives a steady trickle of hits (which the alert book folds) rather than one per event.
struct RateTrigger: Sendable {
    struct Firing: Sendable {
        /// Events in the window at the moment of firing.
        var windowCount: Int
        /// Events counted since the previous firing (or since the key was first seen).
        var eventsSinceLastFiring: Int
        var evidence: [SecurityEvent]
    }

    private(set) var counter = SlidingTickCounter()
    private(set) var lastFiringTick: Int64?
    private var unreported = 0
    private var evidence: [SecurityEvent] = []

    init() {}

    /// Whether this key has fired at least once: its further events are attack activity.
    var hasFired: Bool { lastFiringTick != nil }

    mutating func record(
        _ event: SecurityEvent, window: Int64, threshold: Int, realertTicks: Int64, evidenceLimit: Int
    ) -> Firing? {
        counter.add(at: event.tick, window: window)
        unreported += 1
        // Evidence older than the window belongs to an earlier episode, not to this one.
        if let oldest = evidence.first, oldest.tick <= event.tick - window {
            evidence.removeAll { $0.tick <= event.tick - window }
        }
        if evidence.count < evidenceLimit - 1 { evidence.append(event) }
        guard counter.total >= threshold else { return nil }
        if let last = lastFiringTick, event.tick - last < realertTicks { return nil }
        lastFiringTick = event.tick
        var shown = evidence
        if shown.last?.sequence != event.sequence { shown.append(event) }
        let firing = Firing(windowCount: counter.total, eventsSinceLastFiring: unreported, evidence: shown)
        unreported = 0
        evidence.removeAll(keepingCapacity: true)
        return firing
    }
}
