/// What a detection is, independent of its state: shown by `detections.list`.
package struct DetectionDescriptor: Sendable, Hashable, Codable {
    /// Stable kebab-case id (`request-flood`).
    package var id: String
    package var title: String
    package var summary: String
    package var severity: Severity
    package var technique: AttackTechnique
    package var thresholds: [DetectionThreshold]

    package init(
        id: String, title: String, summary: String, severity: Severity, technique: AttackTechnique,
        thresholds: [DetectionThreshold]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.severity = severity
        self.technique = technique
        self.thresholds = thresholds
    }
}
