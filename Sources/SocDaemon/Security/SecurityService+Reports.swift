import SocPOSIX
import SocProtocol
import SocSim

extension SecurityService {
    /// `reports.summary`: what the SOC saw and did from `sinceTick` on.
    func summary(sinceTick: Int64, rules: [FirewallRule]) -> ReportsSummaryRequest.Result {
        let (alerts, incidents, tick, sinceWall) = state.withLock { state in
            let wall = state.tickTimes.first { $0.tick >= sinceTick }?.wallMilliseconds ?? 0
            return (state.alerts.filter { $0.lastTick >= sinceTick }, state.incidents.incidents, state.tick, wall)
        }
        var bySeverity: [String: Int] = [:]
        var byDetection: [String: Int] = [:]
        var bySource: [String: Int] = [:]
        for alert in alerts {
            bySeverity[alert.severity.rawValue, default: 0] += 1
            byDetection[alert.detection.rawValue, default: 0] += 1
            bySource[alert.info.source, default: 0] += 1
        }
        let opened = incidents.filter { $0.createdAt.tick >= sinceTick }
        let contained = incidents.filter { ($0.containedAt?.tick ?? -1) >= sinceTick }
        let resolved = incidents.filter { ($0.resolvedAt?.tick ?? -1) >= sinceTick }
        func mean(_ values: [Int64]) -> Int? { values.isEmpty ? nil : Int(values.reduce(0, +) / Int64(values.count)) }
        let mttd = mean(opened.compactMap { $0.metrics.timeToDetect?.milliseconds })
        let mttr = mean(resolved.compactMap { $0.metrics.timeToResolve?.milliseconds })
        let top = bySource.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
            .map { ReportsSummaryRequest.SourceCount(source: $0.key, alerts: $0.value) }
        let rulesAdded = rules.count { $0.createdAt >= sinceWall }
        var md = "# Shift report: ticks \(sinceTick)-\(tick)\n\n## Alerts\n\n"
        md += "| Severity | Alerts |\n|---|---|\n"
        for severity in Severity.allCases.reversed() {
            md += "| \(severity.rawValue) | \(bySeverity[severity.rawValue] ?? 0) |\n"
        }
        md += "\n| Detection | Alerts |\n|---|---|\n"
        for (detection, count) in byDetection.sorted(by: { $0.key < $1.key }) { md += "| \(detection) | \(count) |\n" }
        md +=
            "\n## Incidents\n\n- Opened: \(opened.count)\n- Contained: \(contained.count)\n- Resolved: \(resolved.count)\n"
        md += "- Mean time to detect: \(mttd.map { "\(Double($0) / 1000) s" } ?? "n/a")\n"
        md += "- Mean time to resolve: \(mttr.map { "\(Double($0) / 1000) s" } ?? "n/a")\n"
        md += "\n## Top sources\n\n"
        md += top.isEmpty ? "(none)\n" : top.map { "- \($0.source): \($0.alerts) alert(s)\n" }.joined()
        md += "\n## Firewall\n\n- Rules added: \(rulesAdded)\n"
        return ReportsSummaryRequest.Result(
            sinceTick: Int(sinceTick), untilTick: Int(tick), alertsBySeverity: bySeverity,
            alertsByDetection: byDetection,
            incidentsOpened: opened.count, incidentsContained: contained.count, incidentsResolved: resolved.count,
            meanTimeToDetectMs: mttd, meanTimeToResolveMs: mttr, topSources: Array(top), rulesAdded: rulesAdded,
            markdown: md)
    }
}
