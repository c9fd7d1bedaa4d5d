import SocProtocol

/// How the SOC commands show severities, statuses and the like.
package enum SecurityText {
    package static let severities = ["low", "medium", "high", "critical"]
    package static let incidentStatuses = [
        "new", "investigating", "contained", "resolved", "falsePositive", "duplicate",
    ]

    /// Critical and high stand out in red, medium in yellow, when colour is on.
    package static func severity(_ severity: String, style: Style) -> String {
        switch severity {
        case "critical": style.apply("1;31", severity)
        case "high": style.red(severity)
        case "medium": style.yellow(severity)
        default: severity
        }
    }

    package static func status(_ status: String, style: Style) -> String {
        switch status {
        case "new": style.bold(status)
        case "contained", "resolved": style.green(status)
        default: status
        }
    }

    /// `1.5 s`, or `-` when the moment has not come.
    package static func duration(milliseconds: Int?) -> String {
        guard let milliseconds else { return "-" }
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        let seconds = Double(milliseconds) / 1000
        if seconds < 120 { return "\((seconds * 10).rounded() / 10) s" }
        return "\(Int(seconds / 60))m\(Int(seconds) % 60)s"
    }
}
