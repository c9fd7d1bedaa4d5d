/// A detection's finding about one source, with its repeats folded in: `count` hits between
/// `firstTick` and `lastTick`, standing for `eventCount` triggering events.
package struct Alert: Sendable, Hashable, Codable, Identifiable {
    package enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case new, acknowledged
    }

    package var id: Int64
    package var detection: DetectionKind
    package var title: String
    /// The highest severity of the folded hits.
    package var severity: Severity
    package var technique: AttackTechnique
    package var source: AlertSource
    package var firstTick: Int64
    package var lastTick: Int64
    /// Hits folded into this alert, the first included.
    package var count: Int
    package var eventCount: Int
    /// The latest hit's sentence.
    package var summary: String
    package var status: Status
    /// Who acknowledged it (peer uid), when acknowledged.
    package var acknowledgedBy: UInt32?
    /// The first hits' evidence, at most `AlertBook.evidenceCap` items.
    package var evidence: [EvidenceItem]

    package init(
        id: Int64, detection: DetectionKind, title: String, severity: Severity, technique: AttackTechnique,
        source: AlertSource, firstTick: Int64, lastTick: Int64, count: Int, eventCount: Int, summary: String,
        status: Status = .new, acknowledgedBy: UInt32? = nil, evidence: [EvidenceItem]
    ) {
        self.id = id
        self.detection = detection
        self.title = title
        self.severity = severity
        self.technique = technique
        self.source = source
        self.firstTick = firstTick
        self.lastTick = lastTick
        self.count = count
        self.eventCount = eventCount
        self.summary = summary
        self.status = status
        self.acknowledgedBy = acknowledgedBy
        self.evidence = evidence
    }
}
