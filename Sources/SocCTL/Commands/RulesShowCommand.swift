import SocPOSIX
import SocProtocol

/// `socctl rules show ID`: every field of one rule.
enum RulesShowCommand {
    static let spec = CommandSpec(
        name: "show", abstract: "Show one rule with every field.",
        examples: [UsageExample("Rule 3:", "socctl rules show 3")],
        arguments: [.required("ID", help: "The rule's id, as rules list shows it.")]
    ) { parsed, context in
        let id = try RulesOptions.id(parsed.argument("ID")!, subject: "ID", parsed: parsed)
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(GetRuleRequest.self, .init(id: id))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.write(render(reply.result, style: context.style, now: WallClock.nowMilliseconds))
        }
        return .success
    }

    static func render(_ rule: RuleInfo, style: Style, now: Int64) -> String {
        let expires = rule.expiresAt.map { "\($0) (\(RulesText.expiry($0, now: now)))" } ?? "never"
        let rows = [
            ["id", String(rule.id)],
            ["position", String(rule.position)],
            ["source", rule.src],
            ["destination", rule.dst],
            ["source port", rule.sport.description],
            ["dest port", rule.dport.description],
            ["protocol", rule.proto],
            ["action", RulesText.action(rule.action, style: style)],
            ["comment", RulesText.singleLine(rule.comment)],
            ["hits", HumanFormat.grouped(rule.hits)],
            ["created", rule.createdAt],
            ["expires", expires],
        ]
        return TableRenderer(columns: [TableColumn("label"), TableColumn("value")], showsHeader: false)
            .render(rows.map { [style.bold($0[0]), $0[1]] }, width: nil)
    }
}
