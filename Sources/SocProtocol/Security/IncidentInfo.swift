import JSONRPC

/// An incident (a case) as the API shows it.
package struct IncidentInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var id: Int
    package var title: String
    package var description: String
    package var severity: String
    package var status: String
    package var assignee: String?
    package var tags: [String]
    package var observables: [ObservableInfo]
    package var alertIds: [Int]
    package var ruleIds: [Int]
    /// `detection` and `source` for incidents the policy opened.
    package var detection: String?
    package var source: String?
    package var createdAt: String
    package var createdTick: Int
    package var statusSince: String
    package var detectedAt: String?
    package var containedAt: String?
    package var resolvedAt: String?
    package var metrics: IncidentMetricsInfo
    /// Present in `incidents.get`; left out of lists.
    package var timeline: [TimelineEntryInfo]?

    package init(
        id: Int, title: String, description: String, severity: String, status: String, assignee: String?,
        tags: [String], observables: [ObservableInfo], alertIds: [Int], ruleIds: [Int], detection: String?,
        source: String?, createdAt: String, createdTick: Int, statusSince: String, detectedAt: String?,
        containedAt: String?, resolvedAt: String?, metrics: IncidentMetricsInfo, timeline: [TimelineEntryInfo]?
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.status = status
        self.assignee = assignee
        self.tags = tags
        self.observables = observables
        self.alertIds = alertIds
        self.ruleIds = ruleIds
        self.detection = detection
        self.source = source
        self.createdAt = createdAt
        self.createdTick = createdTick
        self.statusSince = statusSince
        self.detectedAt = detectedAt
        self.containedAt = containedAt
        self.resolvedAt = resolvedAt
        self.metrics = metrics
        self.timeline = timeline
    }

    package static let fieldDescriptions = [
        "severity": "low, medium, high or critical.",
        "status": "new, investigating, contained, resolved, falsePositive or duplicate.",
        "observables": "Addresses, networks, domains, MACs, URLs and hashes the incident is about.",
        "alertIds": "Linked alerts.",
        "ruleIds": "Firewall rules created or linked for it.",
        "createdAt": "ISO 8601 (simulated time).",
        "metrics": "Time to detect, contain and resolve, in ticks and milliseconds.",
        "timeline": "Every change and note with who made it (incidents.get only).",
    ]
}

/// A value an incident is about.
package struct ObservableInfo: Codable, Sendable, Hashable {
    /// ip, cidr, domain, mac, url or sha256.
    package var kind: String
    package var value: String

    package init(kind: String, value: String) {
        self.kind = kind
        self.value = value
    }
}

/// One line of an incident's history.
package struct TimelineEntryInfo: Codable, Sendable, Hashable {
    package var kind: String
    package var text: String
    /// The peer uid that made the change; absent for socd's own actions.
    package var uid: Int?
    package var at: String
    package var tick: Int

    package init(kind: String, text: String, uid: Int?, at: String, tick: Int) {
        self.kind = kind
        self.text = text
        self.uid = uid
        self.at = at
        self.tick = tick
    }
}

/// An incident's clocks; absent until the moment exists.
package struct IncidentMetricsInfo: Codable, Sendable, Hashable {
    package var timeToDetectMs: Int?
    package var timeToContainMs: Int?
    package var timeToResolveMs: Int?

    package init(timeToDetectMs: Int?, timeToContainMs: Int?, timeToResolveMs: Int?) {
        self.timeToDetectMs = timeToDetectMs
        self.timeToContainMs = timeToContainMs
        self.timeToResolveMs = timeToResolveMs
    }
}
