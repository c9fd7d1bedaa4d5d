import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim

extension DaemonAPI {
    static func registerIncidents(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        let security = services.security
        let firewall = services.firewall
        let events = services.events
        let revert: @Sendable () -> Void = { security.reload() }
        let announce: @Sendable (String, Incident) -> IncidentInfo = { event, incident in
            let info = incident.info(timeline: true)
            events.publish(.incidents, ["event": .string(event), "incident": incident.info(timeline: false).json])
            return info
        }

        router.registerChange(IncidentsCreateRequest.self, services) { params, context in
            let severity = try params.severity.map { try parseSeverity($0, field: "severity") } ?? .medium
            return StateChange(
                persist: { db in
                    try security.createIncident(
                        title: params.title, description: params.description ?? "", severity: severity,
                        assignee: params.assignee, tags: params.tags ?? [], by: context.peer.uid, in: db)
                }, apply: { incident in announce("opened", incident) }, revert: revert)
        }

        router.register(IncidentsListRequest.self) { params, _ in
            let limit = params.limit ?? 100
            guard (1...1000).contains(limit) else {
                throw RPCError.invalidParams(field: "limit", "\(limit) is outside 1-1000")
            }
            let offset = params.offset ?? 0
            guard offset >= 0 else { throw RPCError.invalidParams(field: "offset", "\(offset) is below 0") }
            let status = try params.status.map { try parseStatus($0, field: "status") }
            let severity = try params.severity.map { try parseSeverity($0, field: "severity") }
            let matching = security.incidents.reversed().filter { incident in
                (status.map { incident.status == $0 } ?? true) && (severity.map { incident.severity >= $0 } ?? true)
                    && (params.assignee.map { incident.assignee == $0 } ?? true)
                    && (params.tag.map { incident.tags.contains($0) } ?? true)
                    && (params.open.map { incident.status.isClosed != $0 } ?? true)
            }
            return IncidentsListRequest.Result(
                incidents: matching.dropFirst(offset).prefix(limit).map { $0.info(timeline: false) },
                total: matching.count)
        }

        router.register(IncidentsGetRequest.self) { params, _ in
            guard let incident = security.incident(id: Int64(params.id)) else {
                throw SecurityService.noSuchIncident(Int64(params.id))
            }
            return incident.info(timeline: true)
        }

        router.registerChange(IncidentsUpdateRequest.self, services) { params, context in
            let uid = context.peer.uid
            let status = try params.status.map { try parseStatus($0, field: "status") }
            let severity = try params.severity.map { try parseSeverity($0, field: "severity") }
            if let title = params.title, title.allSatisfy(\.isWhitespace) {
                throw RPCError.invalidParams(field: "title", "must not be empty")
            }
            return StateChange(
                persist: { db in
                    try security.changeIncident(id: Int64(params.id), in: db) {
                        (incident, at, _) throws(IncidentError) in
                        if params.reopen == true { try incident.reopen(by: uid, at: at, reason: params.note) }
                        if let status, status != incident.status || params.reopen != true {
                            try incident.move(to: status, by: uid, at: at, note: params.note)
                        }
                        if let severity { incident.changeSeverity(to: severity, by: uid, at: at) }
                        if let assignee = params.assignee {
                            incident.assign(to: assignee.isEmpty ? nil : assignee, by: uid, at: at)
                        }
                        if let title = params.title, title != incident.title {
                            incident.title = title
                            try incident.addNote("title changed to \(title)", by: uid, at: at)
                        }
                        if let description = params.description, description != incident.description {
                            incident.description = description
                            try incident.addNote("description changed", by: uid, at: at)
                        }
                        for tag in params.tags ?? [] { try incident.addTag(tag, by: uid, at: at) }
                    }
                }, apply: { incident in announce("updated", incident) }, revert: revert)
        }

        router.registerChange(IncidentsNoteRequest.self, services) { params, context in
            StateChange(
                persist: { db in
                    try security.changeIncident(id: Int64(params.id), in: db) {
                        (incident, at, _) throws(IncidentError) in
                        try incident.addNote(params.text, by: context.peer.uid, at: at)
                    }
                }, apply: { incident in announce("noted", incident) }, revert: revert)
        }

        router.registerChange(IncidentsLinkRequest.self, services) { params, context in
            let uid = context.peer.uid
            let observables = try (params.observables ?? []).enumerated().map { index, input in
                guard let kind = Observable.Kind(rawValue: input.kind.lowercased()) else {
                    throw RPCError.invalidParams(
                        field: "observables[\(index)].kind",
                        "\"\(input.kind)\" is not ip, cidr, domain, mac, url or sha256")
                }
                return try SecurityService.translating { () throws(IncidentError) in
                    try Observable(kind: kind, value: input.value)
                }
            }
            let alerts = try (params.alertIds ?? []).map { id in
                guard let alert = try security.alert(id: Int64(id)) else {
                    throw SecurityService.noSuchAlert(Int64(id))
                }
                return alert
            }
            for id in params.ruleIds ?? [] where firewall.rule(id: Int64(id)) == nil {
                throw FirewallService.noSuchRule(Int64(id))
            }
            return StateChange(
                persist: { db in
                    try security.changeIncident(id: Int64(params.id), in: db) {
                        (incident, at, state) throws(IncidentError) in
                        for alert in alerts { incident.linkAlert(alert, clock: state.clock, by: uid, at: at) }
                        for id in params.ruleIds ?? [] { incident.linkRule(Int64(id), by: uid, at: at) }
                        for observable in observables { incident.addObservable(observable, by: uid, at: at) }
                    }
                }, apply: { incident in announce("updated", incident) }, revert: revert)
        }

        router.registerChange(IncidentsContainRequest.self, services) { params, context in
            let id = Int64(params.id)
            guard let incident = security.incident(id: id) else { throw SecurityService.noSuchIncident(id) }
            guard !incident.status.isClosed else {
                throw RPCError.invalidState(
                    "incident \(id) is \(incident.status.rawValue); reopen it before containing")
            }
            let address =
                incident.group?.source.address?.description
                ?? incident.observables.first { $0.kind == .ip }?.value
            guard let address else {
                throw RPCError.invalidState(
                    "incident \(id) has no source address to block; link an ip observable first")
            }
            let draft = try RuleInputParser.draft(
                RuleInput(src: address, action: "DROP", comment: "incident \(id): \(incident.title)"),
                now: WallClock.nowMilliseconds)
            return StateChange(
                persist: { db in
                    let added = try firewall.add(draft, at: nil, in: db)
                    let incident = try security.changeIncident(id: id, in: db) {
                        (incident, at, _) throws(IncidentError) in
                        incident.linkRule(
                            added.rule.id, by: context.peer.uid, at: at,
                            text: "contained: firewall rule \(added.rule.id) drops \(address)")
                    }
                    return (added, incident)
                },
                apply: { (staged: (FirewallService.AddedRule, Incident)) in
                    let (added, incident) = staged
                    events.publish(
                        .rules,
                        ["event": .string(added.created ? "created" : "extended"), "rule": added.rule.info.json])
                    return IncidentsContainRequest.Result(
                        incident: announce("updated", incident), rule: added.rule.info)
                },
                revert: {
                    firewall.reload()
                    security.reload()
                })
        }

        router.register(IncidentsReportRequest.self) { params, _ in
            let id = Int64(params.id)
            guard let incident = security.incident(id: id) else { throw SecurityService.noSuchIncident(id) }
            let format = (params.format ?? "markdown").lowercased()
            var alerts: [Alert] = []
            for alertID in incident.alertIDs { if let alert = try security.alert(id: alertID) { alerts.append(alert) } }
            let rules = incident.ruleIDs.compactMap { firewall.rule(id: $0) }
            switch format {
            case "markdown":
                return IncidentsReportRequest.Result(
                    format: format, content: IncidentReport(incident: incident, alerts: alerts, rules: rules).markdown,
                    incident: nil, alerts: nil, rules: nil)
            case "json":
                return IncidentsReportRequest.Result(
                    format: format, content: nil, incident: incident.info(timeline: true), alerts: alerts.map(\.info),
                    rules: rules.map(\.info))
            default:
                throw RPCError.invalidParams(field: "format", "\"\(format)\" is not markdown or json")
            }
        }

        router.register(ReportsSummaryRequest.self) { params, _ in
            let since = Int64(params.since ?? 0)
            return security.summary(sinceTick: since, rules: firewall.allRules().rules)
        }
    }

    static func parseStatus(_ text: String, field: String) throws -> IncidentStatus {
        guard let status = IncidentStatus.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() })
        else {
            throw RPCError.invalidParams(
                field: field, "\"\(text)\" is not \(IncidentStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return status
    }
}
