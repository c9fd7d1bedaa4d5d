/// One firing of a detection: who, when, how much, and the events that show it. The alert book
/// turns hits into alerts, folding repeats.
package struct DetectionHit: Sendable, Hashable {
    package var detection: DetectionKind
    /// The detection's severity, or higher when this firing is worse (a brute force that
    /// succeeded, a high-confidence indicator).
    package var severity: Severity
    package var source: AlertSource
    package var tick: Int64
    /// Triggering events this hit stands for (since the detection's previous hit on the source).
    package var eventCount: Int
    /// One sentence with the figures: `198.51.100.7 sent 612 requests to 10.0.0.10:80 in 50 ticks`.
    package var summary: String
    /// The first few triggering events and the one that fired.
    package var evidence: [SecurityEvent]

    package init(
        detection: DetectionKind, severity: Severity, source: AlertSource, tick: Int64, eventCount: Int,
        summary: String, evidence: [SecurityEvent]
    ) {
        self.detection = detection
        self.severity = severity
        self.source = source
        self.tick = tick
        self.eventCount = eventCount
        self.summary = summary
        self.evidence = evidence
    }
}
