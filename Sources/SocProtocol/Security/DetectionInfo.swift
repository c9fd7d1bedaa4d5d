import JSONRPC

/// A detection with its current settings, as `detections.list` shows it.
package struct DetectionInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var id: String
    package var title: String
    package var summary: String
    package var severity: String
    package var technique: String
    package var techniqueName: String
    package var enabled: Bool
    package var thresholds: [ThresholdInfo]

    package init(
        id: String, title: String, summary: String, severity: String, technique: String, techniqueName: String,
        enabled: Bool, thresholds: [ThresholdInfo]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.severity = severity
        self.technique = technique
        self.techniqueName = techniqueName
        self.enabled = enabled
        self.thresholds = thresholds
    }

    package static let fieldDescriptions = [
        "id": "Stable id, as detections.update names it.",
        "technique": "MITRE ATT&CK technique id.",
        "thresholds": "The tunable numbers, with bounds, defaults and current values.",
    ]
}

/// One tunable number of a detection.
package struct ThresholdInfo: Codable, Sendable, Hashable {
    package var name: String
    package var summary: String
    /// `integer` or `decimal`.
    package var kind: String
    package var value: Double
    package var defaultValue: Double
    package var minimum: Double
    package var maximum: Double

    package init(
        name: String, summary: String, kind: String, value: Double, defaultValue: Double, minimum: Double,
        maximum: Double
    ) {
        self.name = name
        self.summary = summary
        self.kind = kind
        self.value = value
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
    }
}
