import SocProtocol

/// `socctl incidents show N`: one incident, its clocks and its timeline.
enum IncidentsShowCommand {
    static let spec = CommandSpec(
        name: "show", abstract: "Show an incident with its timeline.",
        examples: [UsageExample("Incident 1:", "socctl incidents show 1")],
        arguments: [.required("ID", help: "The incident's id.")]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IncidentsGetRequest.self, .init(id: id))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(
                render(reply.result, style: context.style, width: context.terminal.tableWidth))
        }
        return .success
    }

    package static func render(_ incident: IncidentInfo, style: Style, width: Int?) -> String {
        var fields = [
            ["incident", "\(incident.id): \(RulesText.singleLine(incident.title))"],
            ["status", SecurityText.status(incident.status, style: style)],
            ["severity", SecurityText.severity(incident.severity, style: style)],
            ["assignee", incident.assignee ?? "-"],
        ]
        if let detection = incident.detection { fields.append(["detection", detection]) }
        if let source = incident.source { fields.append(["source", source]) }
        if !incident.tags.isEmpty { fields.append(["tags", incident.tags.joined(separator: ", ")]) }
        if !incident.observables.isEmpty {
            fields.append([
                "observables", incident.observables.map { "\($0.kind):\($0.value)" }.joined(separator: ", "),
            ])
        }
        if !incident.alertIds.isEmpty {
            fields.append(["alerts", incident.alertIds.map(String.init).joined(separator: ", ")])
        }
        if !incident.ruleIds.isEmpty {
            fields.append(["rules", incident.ruleIds.map(String.init).joined(separator: ", ")])
        }
        fields.append(["created", incident.createdAt])
        fields.append(["time to detect", SecurityText.duration(milliseconds: incident.metrics.timeToDetectMs)])
        fields.append(["time to contain", SecurityText.duration(milliseconds: incident.metrics.timeToContainMs)])
        fields.append(["time to resolve", SecurityText.duration(milliseconds: incident.metrics.timeToResolveMs)])
        var out = TableRenderer(columns: [TableColumn("label"), TableColumn("value")], showsHeader: false)
            .render(fields.map { [style.bold($0[0]), $0[1]] }, width: nil)
        if !incident.description.isEmpty { out += "\n" + incident.description + "\n" }
        let timeline = incident.timeline ?? []
        guard !timeline.isEmpty else { return out }
        let rows = timeline.map { entry in
            [String(entry.tick), entry.uid.map { "uid \($0)" } ?? "socd", entry.kind, RulesText.singleLine(entry.text)]
        }
        out += "\n"
        out += TableRenderer(
            columns: [
                TableColumn("TICK", alignment: .right), TableColumn("WHO"), TableColumn("KIND"),
                TableColumn("WHAT", flexible: true, minimumWidth: 10),
            ], style: style
        ).render(rows, width: width)
        return out
    }
}
