import JSONRPC

/// `incidents.create`: open an incident by hand.
package struct IncidentsCreateRequest: SocMethod {
    package static let method = "incidents.create"
    package static let summary = "Opens an incident by hand."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var title: String
        package var description: String?
        package var severity: String?
        package var assignee: String?
        package var tags: [String]?
        package init(
            title: String, description: String? = nil, severity: String? = nil, assignee: String? = nil,
            tags: [String]? = nil
        ) {
            self.title = title
            self.description = description
            self.severity = severity
            self.assignee = assignee
            self.tags = tags
        }
        package static let fieldDescriptions = [
            "severity": "low, medium (default), high or critical.",
            "tags": "Labels: 1-64 characters each, without commas.",
        ]
    }

    package typealias Result = IncidentInfo
}

/// `incidents.list`: incidents, newest first, filtered and paged.
package struct IncidentsListRequest: SocMethod {
    package static let method = "incidents.list"
    package static let summary = "Incidents, newest first, with filters and paging (timelines left out)."
    package static let access = MethodAccess.read

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var status: String?
        package var severity: String?
        package var assignee: String?
        package var tag: String?
        package var open: Bool?
        package var limit: Int?
        package var offset: Int?
        package init(
            status: String? = nil, severity: String? = nil, assignee: String? = nil, tag: String? = nil,
            open: Bool? = nil, limit: Int? = nil, offset: Int? = nil
        ) {
            self.status = status
            self.severity = severity
            self.assignee = assignee
            self.tag = tag
            self.open = open
            self.limit = limit
            self.offset = offset
        }
        package static let fieldDescriptions = [
            "status": "Only incidents with this status.",
            "severity": "Only incidents of at least this severity.",
            "open": "true: only new, investigating or contained; false: only closed ones.",
            "limit": "At most this many (1-1000, default 100).",
            "offset": "Skip this many first.",
        ]
    }

    package struct Result: Codable, Sendable, Hashable {
        package var incidents: [IncidentInfo]
        package var total: Int
        package init(incidents: [IncidentInfo], total: Int) {
            self.incidents = incidents
            self.total = total
        }
    }
}

/// `incidents.get`: one incident with its timeline.
package struct IncidentsGetRequest: SocMethod {
    package static let method = "incidents.get"
    package static let summary = "One incident with its full timeline."
    package static let access = MethodAccess.read
    package static let errors = [RPCErrorCode.notFound]

    package struct Params: Codable, Sendable, Hashable {
        package var id: Int
        package init(id: Int) { self.id = id }
    }

    package typealias Result = IncidentInfo
}

/// `incidents.update`: change status, severity, assignee, title, description or tags.
package struct IncidentsUpdateRequest: SocMethod {
    package static let method = "incidents.update"
    package static let summary = "Changes an incident; status moves follow the case workflow (invalidState otherwise)."
    package static let details: String? = """
        new → investigating → contained → resolved, or falsePositive / duplicate; contained may go back to \
        investigating. A closed incident moves again only with reopen: true (to investigating).
        """
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.invalidState, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var id: Int
        package var status: String?
        package var severity: String?
        package var assignee: String?
        package var title: String?
        package var description: String?
        package var tags: [String]?
        package var reopen: Bool?
        package var note: String?
        package init(
            id: Int, status: String? = nil, severity: String? = nil, assignee: String? = nil, title: String? = nil,
            description: String? = nil, tags: [String]? = nil, reopen: Bool? = nil, note: String? = nil
        ) {
            self.id = id
            self.status = status
            self.severity = severity
            self.assignee = assignee
            self.title = title
            self.description = description
            self.tags = tags
            self.reopen = reopen
            self.note = note
        }
        package static let fieldDescriptions = [
            "status": "new, investigating, contained, resolved, falsePositive or duplicate.",
            "assignee": "Who is on it; an empty string unassigns.",
            "tags": "Tags to add.",
            "reopen": "Bring a closed incident back to investigating (before any status move).",
            "note": "A reason kept with the status move or reopen.",
        ]
    }

    package typealias Result = IncidentInfo
}

/// `incidents.note`: add a note to the timeline.
package struct IncidentsNoteRequest: SocMethod {
    package static let method = "incidents.note"
    package static let summary = "Adds a note to an incident's timeline."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var id: Int
        package var text: String
        package init(id: Int, text: String) {
            self.id = id
            self.text = text
        }
    }

    package typealias Result = IncidentInfo
}

/// `incidents.link`: link alerts, firewall rules and observables.
package struct IncidentsLinkRequest: SocMethod {
    package static let method = "incidents.link"
    package static let summary = "Links alerts, firewall rules and observables to an incident."
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var id: Int
        package var alertIds: [Int]?
        package var ruleIds: [Int]?
        package var observables: [ObservableInfo]?
        package init(id: Int, alertIds: [Int]? = nil, ruleIds: [Int]? = nil, observables: [ObservableInfo]? = nil) {
            self.id = id
            self.alertIds = alertIds
            self.ruleIds = ruleIds
            self.observables = observables
        }
        package static let fieldDescriptions = [
            "alertIds": "Alerts to link; each must exist.",
            "ruleIds": "Firewall rules to link; each must exist.",
            "observables": "{kind, value} with kind ip, cidr, domain, mac, url or sha256.",
        ]
    }

    package typealias Result = IncidentInfo
}

/// `incidents.contain`: block the incident's source at the firewall.
package struct IncidentsContainRequest: SocMethod {
    package static let method = "incidents.contain"
    package static let summary = "Adds a DROP rule for the incident's source address and links it, in one transaction."
    package static let details: String? = """
        The incident moves to contained by itself once its source has been quiet (and blocked) for the \
        policy's window.
        """
    package static let access = MethodAccess.write
    package static let errors = [RPCErrorCode.notFound, RPCErrorCode.invalidState, RPCErrorCode.storage]

    package struct Params: Codable, Sendable, Hashable {
        package var id: Int
        package init(id: Int) { self.id = id }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var incident: IncidentInfo
        package var rule: RuleInfo
        package init(incident: IncidentInfo, rule: RuleInfo) {
            self.incident = incident
            self.rule = rule
        }
    }
}

/// `incidents.report`: an incident report.
package struct IncidentsReportRequest: SocMethod {
    package static let method = "incidents.report"
    package static let summary =
        "An incident report (summary, timeline, evidence, observables, actions, metrics) as markdown or JSON."
    package static let access = MethodAccess.read
    package static let errors = [RPCErrorCode.notFound]

    package struct Params: Codable, Sendable, Hashable {
        package var id: Int
        /// `markdown` (default) or `json`.
        package var format: String?
        package init(id: Int, format: String? = nil) {
            self.id = id
            self.format = format
        }
    }

    package struct Result: Codable, Sendable, Hashable {
        package var format: String
        /// The markdown text; absent for json.
        package var content: String?
        package var incident: IncidentInfo?
        package var alerts: [AlertInfo]?
        package var rules: [RuleInfo]?
        package init(
            format: String, content: String?, incident: IncidentInfo?, alerts: [AlertInfo]?, rules: [RuleInfo]?
        ) {
            self.format = format
            self.content = content
            self.incident = incident
            self.alerts = alerts
            self.rules = rules
        }
    }
}

/// `reports.summary`: a shift report.
package struct ReportsSummaryRequest: SocMethod {
    package static let method = "reports.summary"
    package static let summary =
        "A shift report: alerts by severity and detection, incidents opened/contained/resolved, MTTD/MTTR, top sources."
    package static let access = MethodAccess.read

    package struct Params: Codable, Sendable, Hashable {
        /// Only what happened from this tick on.
        package var since: Int?
        package init(since: Int? = nil) { self.since = since }
    }

    package struct Result: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var sinceTick: Int
        package var untilTick: Int
        package var alertsBySeverity: [String: Int]
        package var alertsByDetection: [String: Int]
        package var incidentsOpened: Int
        package var incidentsContained: Int
        package var incidentsResolved: Int
        package var meanTimeToDetectMs: Int?
        package var meanTimeToResolveMs: Int?
        package var topSources: [SourceCount]
        package var rulesAdded: Int
        package var markdown: String
        package init(
            sinceTick: Int, untilTick: Int, alertsBySeverity: [String: Int], alertsByDetection: [String: Int],
            incidentsOpened: Int, incidentsContained: Int, incidentsResolved: Int, meanTimeToDetectMs: Int?,
            meanTimeToResolveMs: Int?, topSources: [SourceCount], rulesAdded: Int, markdown: String
        ) {
            self.sinceTick = sinceTick
            self.untilTick = untilTick
            self.alertsBySeverity = alertsBySeverity
            self.alertsByDetection = alertsByDetection
            self.incidentsOpened = incidentsOpened
            self.incidentsContained = incidentsContained
            self.incidentsResolved = incidentsResolved
            self.meanTimeToDetectMs = meanTimeToDetectMs
            self.meanTimeToResolveMs = meanTimeToResolveMs
            self.topSources = topSources
            self.rulesAdded = rulesAdded
            self.markdown = markdown
        }
        package static let fieldDescriptions = [
            "rulesAdded": "Firewall rules added in the period (from the audit trail).",
            "topSources": "The sources with the most alerts.",
            "markdown": "The same report as markdown.",
        ]
    }

    /// A source and how many alerts it raised.
    package struct SourceCount: Codable, Sendable, Hashable {
        package var source: String
        package var alerts: Int
        package init(source: String, alerts: Int) {
            self.source = source
            self.alerts = alerts
        }
    }
}
