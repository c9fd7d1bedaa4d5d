import JSONRPC

/// An alert as the API shows it: a detection's finding about one source, repeats folded in.
package struct AlertInfo: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var id: Int
    package var detection: String
    package var title: String
    package var severity: String
    package var technique: String
    package var techniqueName: String
    /// The source address, or the MAC (or host name) for a LAN device without one.
    package var source: String
    package var sourceMAC: String?
    package var sourceHost: String?
    package var firstTick: Int
    package var lastTick: Int
    package var count: Int
    package var eventCount: Int
    package var summary: String
    package var status: String
    package var acknowledgedBy: Int?
    package var evidence: [EvidenceInfo]

    package init(
        id: Int, detection: String, title: String, severity: String, technique: String, techniqueName: String,
        source: String, sourceMAC: String? = nil, sourceHost: String? = nil, firstTick: Int, lastTick: Int, count: Int,
        eventCount: Int, summary: String, status: String, acknowledgedBy: Int? = nil, evidence: [EvidenceInfo] = []
    ) {
        self.id = id
        self.detection = detection
        self.title = title
        self.severity = severity
        self.technique = technique
        self.techniqueName = techniqueName
        self.source = source
        self.sourceMAC = sourceMAC
        self.sourceHost = sourceHost
        self.firstTick = firstTick
        self.lastTick = lastTick
        self.count = count
        self.eventCount = eventCount
        self.summary = summary
        self.status = status
        self.acknowledgedBy = acknowledgedBy
        self.evidence = evidence
    }

    package static let fieldDescriptions = [
        "detection": "The detection's id (request-flood, brute-force-login, ...).",
        "severity": "low, medium, high or critical: the highest of the folded hits.",
        "technique": "MITRE ATT&CK technique id.",
        "source": "The address the activity came from (a MAC or host name for a device without one).",
        "count": "Hits folded into this alert.",
        "eventCount": "Triggering events the hits stand for.",
        "status": "new or acknowledged.",
        "acknowledgedBy": "The uid that acknowledged it.",
        "evidence": "The first triggering events, as native log lines.",
    ]
}

/// One event kept as evidence: its place in the normalized stream and its native line.
package struct EvidenceInfo: Codable, Sendable, Hashable {
    package var sequence: Int
    package var tick: Int
    package var source: String
    package var line: String

    package init(sequence: Int, tick: Int, source: String, line: String) {
        self.sequence = sequence
        self.tick = tick
        self.source = source
        self.line = line
    }
}
