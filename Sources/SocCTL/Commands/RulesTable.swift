import SocProtocol

/// The rule table as `socctl rules list` prints it: one row per rule in evaluation order, the
/// room's columns plus the id the other commands take, and a footer with the count and the
/// default policy.
package enum RulesTable {
    /// `#` is the position; only the comment gives up width to fit the terminal, since a cut
    /// address or port would mislead.
    package static let columns = [
        TableColumn("#", alignment: .right), TableColumn("ID", alignment: .right), TableColumn("SOURCE"),
        TableColumn("DESTINATION"), TableColumn("SPORT"), TableColumn("DPORT"), TableColumn("PROTO"),
        TableColumn("ACTION"), TableColumn("HITS", alignment: .right), TableColumn("EXPIRES"),
        TableColumn("COMMENT", flexible: true, minimumWidth: 7),
    ]

    /// The table and its footer; `offset` is the one the page was asked for, `now` the time
    /// expiries are counted from (milliseconds since the epoch), `width` what the table must fit.
    package static func render(
        _ page: ListRulesRequest.Result, offset: Int, style: Style, width: Int?, now: Int64
    ) -> String {
        let footer = self.footer(page, offset: offset) + "\n"
        guard !page.rules.isEmpty else { return footer }
        let rows = page.rules.map { rule in
            [
                String(rule.position), String(rule.id), rule.src, rule.dst, rule.sport.description,
                rule.dport.description, rule.proto, RulesText.action(rule.action, style: style),
                HumanFormat.grouped(rule.hits), RulesText.expiry(rule.expiresAt, now: now),
                RulesText.singleLine(rule.comment),
            ]
        }
        return TableRenderer(columns: columns, style: style).render(rows, width: width) + footer
    }

    /// `3 rules, default policy ACCEPT`, or `showing 101-200 of 2,345 rules, ...` for a page
    /// that is not the whole of what matched.
    package static func footer(_ page: ListRulesRequest.Result, offset: Int) -> String {
        let policy = "default policy \(page.policy)"
        if page.rules.count == page.total { return "\(RulesText.count(page.total, "rule")), \(policy)" }
        let all = RulesText.count(page.total, "rule")
        guard !page.rules.isEmpty else { return "showing none of \(all) (offset \(offset)), \(policy)" }
        let first = HumanFormat.grouped(offset + 1)
        let last = HumanFormat.grouped(offset + page.rules.count)
        return "showing \(first)-\(last) of \(all), \(policy)"
    }
}
