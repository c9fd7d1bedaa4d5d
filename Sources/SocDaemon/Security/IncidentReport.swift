import SocPOSIX
import SocSim

/// An incident report in markdown: summary, metrics, observables, actions, evidence, timeline.
struct IncidentReport {
    var incident: Incident
    var alerts: [Alert]
    var rules: [FirewallRule]

    var markdown: String {
        var out = "# Incident \(incident.id): \(incident.title)\n\n"
        out += "| | |\n|---|---|\n"
        out += "| Status | \(incident.status.rawValue) |\n| Severity | \(incident.severity.rawValue) |\n"
        out += "| Assignee | \(incident.assignee ?? "unassigned") |\n| Created | \(incident.createdAt.iso8601) |\n"
        if !incident.tags.isEmpty { out += "| Tags | \(incident.tags.joined(separator: ", ")) |\n" }
        out += "\n## Summary\n\n\(incident.description.isEmpty ? "(no description)" : incident.description)\n"
        let metrics = incident.metrics
        out += "\n## Metrics\n\n"
        out += "- Time to detect: \(Self.duration(metrics.timeToDetect))\n"
        out += "- Time to contain: \(Self.duration(metrics.timeToContain))\n"
        out += "- Time to resolve: \(Self.duration(metrics.timeToResolve))\n"
        out += "\n## Observables\n\n"
        out +=
            incident.observables.isEmpty
            ? "(none)\n" : incident.observables.map { "- \($0.kind.rawValue): `\($0.value)`\n" }.joined()
        out += "\n## Actions taken\n\n"
        if rules.isEmpty && incident.ruleIDs.isEmpty { out += "(none)\n" }
        for rule in rules {
            out +=
                "- Firewall rule \(rule.id): `\(rule.source) \(rule.destination) \(rule.sourcePort) \(rule.destinationPort) \(rule.action.rawValue)`\n"
        }
        for id in incident.ruleIDs where !rules.contains(where: { $0.id == id }) {
            out += "- Firewall rule \(id) (since removed)\n"
        }
        out += "\n## Evidence\n\n"
        if alerts.isEmpty { out += "(no alerts linked)\n" }
        for alert in alerts {
            out += "### Alert \(alert.id): \(alert.title) (\(alert.severity.rawValue), \(alert.technique.id))\n\n"
            out +=
                "\(alert.summary); \(alert.count) hit(s), \(alert.eventCount) event(s), ticks \(alert.firstTick)-\(alert.lastTick).\n\n"
            if !alert.evidence.isEmpty {
                out += "```\n" + alert.evidence.map { $0.line }.joined(separator: "\n") + "\n```\n\n"
            }
        }
        out += "\n## Timeline\n\n| When | Tick | Who | What |\n|---|---|---|---|\n"
        for entry in incident.timeline {
            let who = entry.actorUID.map { "uid \($0)" } ?? "socd"
            out += "| \(entry.at.iso8601) | \(entry.at.tick) | \(who) | \(entry.text.replacingPipes) |\n"
        }
        return out
    }

    static func duration(_ span: IncidentMetrics.Span?) -> String {
        guard let span else { return "n/a" }
        let seconds = Double(span.milliseconds) / 1000
        return "\(seconds) s (\(span.ticks) ticks)"
    }
}

extension String {
    /// Table cells cannot hold a bare `|`.
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
