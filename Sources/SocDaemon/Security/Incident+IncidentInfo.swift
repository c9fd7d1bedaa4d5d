import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim

extension Incident {
    /// The incident as the API shows it; lists leave the timeline out.
    func info(timeline includeTimeline: Bool) -> IncidentInfo {
        let metrics = self.metrics
        return IncidentInfo(
            id: Int(id), title: title, description: description, severity: severity.rawValue, status: status.rawValue,
            assignee: assignee, tags: tags,
            observables: observables.map { ObservableInfo(kind: $0.kind.rawValue, value: $0.value) },
            alertIds: alertIDs.map { Int($0) }, ruleIds: ruleIDs.map { Int($0) }, detection: group?.detection.rawValue,
            source: group.map { $0.source.address?.description ?? $0.source.description },
            createdAt: createdAt.iso8601, createdTick: Int(createdAt.tick), statusSince: statusSince.iso8601,
            detectedAt: detectedAt?.iso8601, containedAt: containedAt?.iso8601, resolvedAt: resolvedAt?.iso8601,
            metrics: IncidentMetricsInfo(
                timeToDetectMs: metrics.timeToDetect.map { Int($0.milliseconds) },
                timeToContainMs: metrics.timeToContain.map { Int($0.milliseconds) },
                timeToResolveMs: metrics.timeToResolve.map { Int($0.milliseconds) }),
            timeline: includeTimeline
                ? timeline.map {
                    TimelineEntryInfo(
                        kind: $0.kind.rawValue, text: $0.text, uid: $0.actorUID.map(Int.init), at: $0.at.iso8601,
                        tick: Int($0.at.tick))
                } : nil)
    }
}

extension SIEMInstant {
    var iso8601: String { ISO8601.format(milliseconds: epochMilliseconds) }
}
