/// When alerts become incidents and when incidents contain themselves; pure decisions, applied
/// by `IncidentBook` (or the daemon, on its persisted incidents).
///
/// - Grouping: an alert of at least `minimumSeverity` joins the open (not closed) incident of
///   its detection and source, or opens one.
/// - Containment: an open incident of a grouped source moves to `contained` once the source
///   has done nothing the detection looks for during `containmentQuietTicks`, and it is seen to
///   be blocked (a rule is linked, or the firewall has dropped its packets since the activity),
///   so an attacker who merely paused is not mistaken for a contained one. A contained incident
///   whose source becomes active again goes back to `investigating`.
package struct IncidentPolicy: Sendable, Hashable, Codable {
    package var minimumSeverity: Severity
    package var containmentQuietTicks: Int64
    /// Detections whose alerts open incidents.
    package var detections: Set<DetectionKind>

    /// The default quiet window is the room's check window (100 ticks, 10 s).
    package init(
        minimumSeverity: Severity = .medium, containmentQuietTicks: Int64 = 100,
        detections: Set<DetectionKind> = Set(DetectionKind.allCases)
    ) {
        self.minimumSeverity = minimumSeverity
        self.containmentQuietTicks = containmentQuietTicks
        self.detections = detections
    }

    package enum Decision: Sendable, Hashable {
        case ignore
        case join(incidentID: Int64)
        case open(title: String, description: String, severity: Severity, group: Incident.Group)
    }

    package func decide(_ alert: Alert, openIncidents: some Sequence<Incident>) -> Decision {
        guard alert.severity >= minimumSeverity, detections.contains(alert.detection) else { return .ignore }
        let group = Incident.Group(detection: alert.detection, source: alert.source)
        if let incident = openIncidents.first(where: { !$0.status.isClosed && $0.group == group }) {
            return .join(incidentID: incident.id)
        }
        let title = "\(alert.title) from \(alert.source)"
        let description =
            "\(alert.summary). Detected by \(alert.detection.rawValue) "
            + "(MITRE ATT&CK \(alert.technique.id) \(alert.technique.name))."
        return .open(title: title, description: description, severity: alert.severity, group: group)
    }

    /// The status `incident` should move to on its own now, if any.
    package func automaticMove(
        for incident: Incident, lastActivityTick: Int64?, lastBlockedTick: Int64?, now: Int64
    ) -> IncidentStatus? {
        guard incident.group != nil else { return nil }
        let lastActivity = lastActivityTick ?? incident.detectedAt?.tick ?? incident.createdAt.tick
        switch incident.status {
        case .new, .investigating:
            guard now - lastActivity >= containmentQuietTicks else { return nil }
            let blocked = !incident.ruleIDs.isEmpty || (lastBlockedTick.map { $0 >= lastActivity } ?? false)
            return blocked ? .contained : nil
        case .contained:
            return (lastActivityTick.map { $0 > incident.statusSince.tick } ?? false) ? .investigating : nil
        case .resolved, .falsePositive, .duplicate:
            return nil
        }
    }
}
