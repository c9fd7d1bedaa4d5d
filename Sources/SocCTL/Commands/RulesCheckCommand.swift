import SocProtocol

/// `socctl rules check SRC DST [DPORT]`: the dry run — what the firewall would do with a
/// packet, and which rule decided. The addresses and destination port can also be given as
/// options, as `rules add` takes them.
enum RulesCheckCommand {
    static let spec = CommandSpec(
        name: "check", abstract: "Show what the firewall would do with a packet, and why.",
        discussion: """
            Decides the packet without sending it and without counting a hit: the verdict, and \
            the rule that decided or the default policy. Ports default to a TCP packet from port \
            40000 to port 80. The addresses and the destination port can be given as arguments \
            or as options, but not the same one both ways.
            """,
        examples: [
            UsageExample(
                "Would the attacker still reach the web server?", "socctl rules check 198.51.100.7 10.0.0.10 80"),
            UsageExample(
                "The same with options:", "socctl rules check --src 198.51.100.7 --dst 10.0.0.10 --dport 80"),
            UsageExample("A DNS query:", "socctl rules check 10.0.0.20 10.0.0.53 53 --proto udp"),
        ],
        options: [
            .option("src", valueName: "ADDRESS", help: "As SRC."),
            .option("dst", valueName: "ADDRESS", help: "As DST."),
            .option("sport", valueName: "PORT", help: "The packet's source port (default 40000)."),
            .option("dport", valueName: "PORT", help: "As DPORT."),
            .option(
                "proto", valueName: "PROTO", help: "tcp (default), udp or icmp.",
                completion: .words(["tcp", "udp", "icmp"])),
        ],
        arguments: [
            .optional("SRC", help: "The packet's source address."),
            .optional("DST", help: "The packet's destination address."),
            .optional("DPORT", help: "Its destination port (default 80)."),
        ]
    ) { parsed, context in
        let params = try packet(parsed)
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(CheckRuleRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine(describe(reply.result, style: context.style))
        }
        return .success
    }

    /// The packet the command line describes; the addresses and destination port come from
    /// their argument or their option.
    static func packet(_ parsed: ParsedCommand) throws(UsageError) -> CheckRuleRequest.Params {
        func address(_ field: String, _ role: String) throws(UsageError) -> String {
            let value = try parsed.either(
                argument: parsed.argument(field.uppercased()), option: parsed.string(field), field: field)
            guard let value else {
                throw parsed.usageError("missing the \(role) address: give \(field.uppercased()) or --\(field)")
            }
            return value
        }
        return CheckRuleRequest.Params(
            src: try address("src", "source"), dst: try address("dst", "destination"),
            sport: try parsed.int("sport"),
            dport: try parsed.either(
                argument: parsed.int(argument: "DPORT"), option: parsed.int("dport"), field: "dport"),
            proto: parsed.string("proto"))
    }

    /// `DROP by rule 1 (position 1): 198.51.100.7 → 10.0.0.10 dport 80`, or
    /// `ACCEPT by the default policy`.
    static func describe(_ result: CheckRuleRequest.Result, style: Style) -> String {
        let verdict = RulesText.action(result.verdict, style: style)
        guard let rule = result.rule else { return "\(verdict) by the default policy" }
        return "\(verdict) by rule \(rule.id) (position \(rule.position)): \(RulesText.match(rule))"
    }
}
