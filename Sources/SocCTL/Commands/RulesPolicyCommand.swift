import JSONRPC
import SocProtocol

/// `socctl rules policy [POLICY]`: what happens to packets no rule matches.
enum RulesPolicyCommand {
    static let spec = CommandSpec(
        name: "policy", abstract: "Show the default policy, or set it.",
        discussion: "The default policy decides packets that no rule matches; it is ACCEPT until changed.",
        examples: [
            UsageExample("Show it:", "socctl rules policy"),
            UsageExample("Drop everything not explicitly accepted:", "socctl rules policy DROP"),
        ],
        arguments: [
            .optional(
                "POLICY", help: "The new policy: ACCEPT, DROP or REJECT.", completion: .words(RulesOptions.actions))
        ]
    ) { parsed, context in
        let session = DaemonSession(parsed, context)
        guard let policy = parsed.argument("POLICY") else {
            // rules.list carries the policy; one rule is the least it can be asked for.
            let page = try session.connect().call(ListRulesRequest.self, .init(limit: 1))
            if session.wantsJSON {
                session.printCompact(JSONValue.object(["policy": .string(page.policy)]))
            } else {
                context.standardOutput.writeLine(RulesText.action(page.policy, style: context.style))
            }
            return .success
        }
        let reply = try session.connect().callKeepingJSON(SetPolicyRequest.self, .init(policy: policy))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else if reply.result.previous == reply.result.policy {
            context.standardOutput.writeLine("default policy is \(reply.result.policy) (unchanged)")
        } else {
            context.standardOutput.writeLine(
                "default policy changed from \(reply.result.previous) to \(reply.result.policy)")
        }
        return .success
    }
}
