import SocProtocol

/// `socctl rules check SRC DST [DPORT]`: the dry run — what the firewall would do with a
/// packet, and which rule decided.
enum RulesCheckCommand {
    static let spec = CommandSpec(
        name: "check", abstract: "Show what the firewall would do with a packet, and why.",
        discussion: """
            Decides the packet without sending it and without counting a hit: the verdict, and \
            the rule that decided or the default policy. Ports default to a TCP packet from port \
            40000 to port 80.
            """,
        examples: [
            UsageExample(
                "Would the attacker still reach the web server?", "socctl rules check 198.51.100.7 10.0.0.10 80"),
            UsageExample("A DNS query:", "socctl rules check 10.0.0.20 10.0.0.53 53 --proto udp"),
        ],
        options: [
            .option("sport", valueName: "PORT", help: "The packet's source port (default 40000)."),
            .option(
                "proto", valueName: "PROTO", help: "tcp (default), udp or icmp.",
                completion: .words(["tcp", "udp", "icmp"])),
        ],
        arguments: [
            .required("SRC", help: "The packet's source address."),
            .required("DST", help: "The packet's destination address."),
            .optional("DPORT", help: "Its destination port (default 80)."),
        ]
    ) { parsed, context in
        let params = CheckRuleRequest.Params(
            src: parsed.argument("SRC")!, dst: parsed.argument("DST")!, sport: try parsed.int("sport"),
            dport: try parsed.int(argument: "DPORT"), proto: parsed.string("proto"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(CheckRuleRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine(describe(reply.result, style: context.style))
        }
        return .success
    }

    /// `DROP by rule 1 (position 1): 198.51.100.7 → 10.0.0.10 dport 80`, or
    /// `ACCEPT by the default policy`.
    static func describe(_ result: CheckRuleRequest.Result, style: Style) -> String {
        let verdict = RulesText.action(result.verdict, style: style)
        guard let rule = result.rule else { return "\(verdict) by the default policy" }
        return "\(verdict) by rule \(rule.id) (position \(rule.position)): \(RulesText.match(rule))"
    }
}
