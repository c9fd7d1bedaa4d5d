import SocProtocol

/// Incidents as `socctl incidents list` prints them.
package enum IncidentsTable {
    package static let columns = [
        TableColumn("ID", alignment: .right), TableColumn("SEVERITY"), TableColumn("STATUS"), TableColumn("SOURCE"),
        TableColumn("ALERTS", alignment: .right), TableColumn("RULES", alignment: .right), TableColumn("ASSIGNEE"),
        TableColumn("TITLE", flexible: true, minimumWidth: 10),
    ]

    package static func render(_ page: IncidentsListRequest.Result, style: Style, width: Int?) -> String {
        let shown = page.incidents.count == page.total ? "" : " (showing \(page.incidents.count))"
        let footer = RulesText.count(page.total, "incident") + shown + "\n"
        guard !page.incidents.isEmpty else { return footer }
        let rows = page.incidents.map { incident in
            [
                String(incident.id), SecurityText.severity(incident.severity, style: style),
                SecurityText.status(incident.status, style: style), incident.source ?? "-",
                String(incident.alertIds.count), String(incident.ruleIds.count), incident.assignee ?? "-",
                RulesText.singleLine(incident.title),
            ]
        }
        return TableRenderer(columns: columns, style: style).render(rows, width: width) + footer
    }
}
