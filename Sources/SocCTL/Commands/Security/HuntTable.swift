import JSONRPC
import SocProtocol

/// What `socctl hunt` prints: the groups with their counts, or the events' native lines.
package enum HuntTable {
    package static func render(_ result: LogsQueryRequest.Result, style: Style, width: Int?) -> String {
        let footer =
            "\(HumanFormat.grouped(result.matched)) of \(RulesText.count(result.scanned, "event")) matched"
        if let groups = result.groups, let fields = result.groupBy {
            let distinct = result.distinctGroups ?? groups.count
            let shown = groups.count == distinct ? "" : ", top \(groups.count) of \(HumanFormat.grouped(distinct))"
            let summary = footer + shown + "\n"
            guard !groups.isEmpty else { return summary }
            let columns =
                [TableColumn("COUNT", alignment: .right)] + fields.map { TableColumn($0.uppercased()) }
            let rows = groups.map { group in [HumanFormat.grouped(group.count)] + group.values.map { $0 ?? "-" } }
            return TableRenderer(columns: columns, style: style).render(rows, width: width) + summary
        }
        let events = result.events ?? []
        let summary = footer + (events.count < result.matched ? ", showing \(events.count)" : "") + "\n"
        guard !events.isEmpty else { return summary }
        let rows = events.map { [String($0.tick), $0.source, RulesText.singleLine($0.line)] }
        let columns = [
            TableColumn("TICK", alignment: .right), TableColumn("SOURCE"),
            TableColumn("LINE", flexible: true, minimumWidth: 20),
        ]
        return TableRenderer(columns: columns, style: style).render(rows, width: width) + summary
    }
}
