import JSONRPC
import SocProtocol
import SocSim

extension DaemonAPI {
    static func registerSecurity(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        let security = services.security
        let events = services.events
        let revert: @Sendable () -> Void = { security.reload() }

        router.register(DetectionsListRequest.self) { _, _ in
            let settings = security.detectionSettings
            return DetectionsListRequest.Result(
                detections: DetectionKind.allCases.map { kind in kind.info(settings[kind]!) })
        }

        router.registerChange(DetectionsUpdateRequest.self, services) { params, _ in
            StateChange(
                persist: { db in
                    try security.updateDetection(
                        id: params.id, enabled: params.enabled, thresholds: params.thresholds ?? [:], in: db)
                },
                apply: { (updated: (DetectionKind, DetectionSettings)) in updated.0.info(updated.1) })
        }

        router.register(AlertsListRequest.self) { params, _ in
            let limit = params.limit ?? AlertsListRequest.defaultLimit
            guard (1...AlertsListRequest.maximumLimit).contains(limit) else {
                throw RPCError.invalidParams(field: "limit", "\(limit) is outside 1-\(AlertsListRequest.maximumLimit)")
            }
            let severity = try params.severity.map { try parseSeverity($0, field: "severity") }
            let status = try params.status.map { text in
                guard let status = Alert.Status(rawValue: text.lowercased()) else {
                    throw RPCError.invalidParams(field: "status", "\"\(text)\" is not new or acknowledged")
                }
                return status
            }
            let alerts = security.alerts(
                sinceTick: params.since.map(Int64.init), minimumSeverity: severity, status: status, limit: limit)
            return AlertsListRequest.Result(alerts: alerts.map(\.info))
        }

        router.register(AlertsGetRequest.self) { params, _ in
            guard let alert = try security.alert(id: Int64(params.id)) else {
                throw SecurityService.noSuchAlert(Int64(params.id))
            }
            return alert.info
        }

        router.registerChange(AlertsAckRequest.self, services) { params, context in
            StateChange(
                persist: { db in try security.acknowledgeAlert(id: Int64(params.id), by: context.peer.uid, in: db) },
                apply: { (alert: Alert) in
                    events.publish(.alerts, ["event": "acknowledged", "alert": alert.info.json])
                    return alert.info
                }, revert: revert)
        }
    }

    static func parseSeverity(_ text: String, field: String) throws -> Severity {
        guard let severity = Severity(rawValue: text.lowercased()) else {
            throw RPCError.invalidParams(field: field, "\"\(text)\" is not low, medium, high or critical")
        }
        return severity
    }
}

extension DetectionKind {
    func info(_ settings: DetectionSettings) -> DetectionInfo {
        let descriptor = self.descriptor
        return DetectionInfo(
            id: rawValue, title: descriptor.title, summary: descriptor.summary, severity: descriptor.severity.rawValue,
            technique: descriptor.technique.id, techniqueName: descriptor.technique.name, enabled: settings.enabled,
            thresholds: descriptor.thresholds.map { spec in
                ThresholdInfo(
                    name: spec.name, summary: spec.summary, kind: spec.kind.rawValue,
                    value: settings.thresholds.values[spec.name] ?? spec.defaultValue, defaultValue: spec.defaultValue,
                    minimum: spec.minimum, maximum: spec.maximum)
            })
    }
}
