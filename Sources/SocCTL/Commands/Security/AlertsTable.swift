import SocProtocol

/// Alerts as `socctl alerts` prints them.
package enum AlertsTable {
    package static let columns = [
        TableColumn("ID", alignment: .right), TableColumn("SEVERITY"), TableColumn("STATUS"), TableColumn("DETECTION"),
        TableColumn("SOURCE"), TableColumn("HITS", alignment: .right), TableColumn("SEEN"),
        TableColumn("SUMMARY", flexible: true, minimumWidth: 10),
    ]

    package static func render(_ alerts: [AlertInfo], style: Style, width: Int?) -> String {
        let footer = RulesText.count(alerts.count, "alert") + "\n"
        guard !alerts.isEmpty else { return footer }
        let rows = alerts.map { alert in
            [
                String(alert.id), SecurityText.severity(alert.severity, style: style), alert.status, alert.detection,
                alert.source, HumanFormat.grouped(alert.count), "\(alert.firstTick)-\(alert.lastTick)",
                RulesText.singleLine(alert.summary),
            ]
        }
        return TableRenderer(columns: columns, style: style).render(rows, width: width) + footer
    }
}
