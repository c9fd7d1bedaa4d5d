import SocProtocol

/// `socctl detections`: what the SIEM looks for and how it is tuned.
enum DetectionsCommand {
    static let spec = CommandSpec(
        name: "detections", abstract: "List the SIEM's detections with their ATT&CK techniques and thresholds.",
        discussion: "Tune one with: socctl call detections.update '{\"id\":\"port-scan\",\"enabled\":false}'.",
        examples: [UsageExample("Every detection:", "socctl detections")]
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(DetectionsListRequest.self, .init())
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(
                render(reply.result.detections, style: context.style, width: context.terminal.tableWidth))
        }
        return .success
    }

    package static func render(_ detections: [DetectionInfo], style: Style, width: Int?) -> String {
        let columns = [
            TableColumn("ID"), TableColumn("ON"), TableColumn("SEVERITY"), TableColumn("TECHNIQUE"),
            TableColumn("THRESHOLDS", flexible: true, minimumWidth: 10),
        ]
        let rows = detections.map { detection in
            [
                detection.id, detection.enabled ? "yes" : "no", SecurityText.severity(detection.severity, style: style),
                detection.technique,
                detection.thresholds.map { "\($0.name)=\(number($0.value, kind: $0.kind))" }.joined(separator: " "),
            ]
        }
        return TableRenderer(columns: columns, style: style).render(rows, width: width)
    }

    static func number(_ value: Double, kind: String) -> String {
        kind == "integer" ? String(Int64(value)) : String(value)
    }
}
