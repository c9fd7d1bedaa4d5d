/// A case in the spirit of TheHive: what happened, how bad, who is on it, what it is about, what
/// was done, and the full history. A plain Codable value with stable field names; the daemon
/// persists it. Change it only through the methods in `Incident+Changes.swift`, which enforce the
/// status machine and write the timeline.
package struct Incident: Sendable, Hashable, Codable, Identifiable {
    /// The detection and source an automatic incident groups alerts by.
    package struct Group: Sendable, Hashable, Codable {
        package var detection: DetectionKind
        package var source: AlertSource

        package init(detection: DetectionKind, source: AlertSource) {
            self.detection = detection
            self.source = source
        }
    }

    package var id: Int64
    package var title: String
    package var description: String
    package var severity: Severity
    package internal(set) var status: IncidentStatus
    /// When the incident entered its current status.
    package internal(set) var statusSince: SIEMInstant
    package var assignee: String?
    package internal(set) var tags: [String]
    package internal(set) var observables: [Observable]
    package internal(set) var alertIDs: [Int64]
    /// Firewall rules created or linked for this incident.
    package internal(set) var ruleIDs: [Int64]
    package internal(set) var timeline: [TimelineEntry]
    /// Set for incidents the policy opened; nil for hand-made ones.
    package var group: Group?
    package var createdAt: SIEMInstant
    /// When the activity began: the first alert's first evidence.
    package var firstActivityAt: SIEMInstant?
    /// When socd first alerted on it.
    package var detectedAt: SIEMInstant?
    /// The first time it reached `contained`.
    package internal(set) var containedAt: SIEMInstant?
    /// The latest resolution; cleared by reopen.
    package internal(set) var resolvedAt: SIEMInstant?

    /// A new incident with its `created` timeline entry.
    package init(
        id: Int64, title: String, description: String = "", severity: Severity, group: Group? = nil,
        createdBy actorUID: UInt32?, at instant: SIEMInstant
    ) throws(IncidentError) {
        guard !title.allSatisfy(\.isWhitespace) else { throw .invalidField("title", "must not be empty") }
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.status = .new
        self.statusSince = instant
        self.tags = []
        self.observables = []
        self.alertIDs = []
        self.ruleIDs = []
        self.group = group
        self.createdAt = instant
        self.timeline = [TimelineEntry(kind: .created, text: "created: \(title)", actorUID: actorUID, at: instant)]
    }

    package var metrics: IncidentMetrics { IncidentMetrics(self) }
}
