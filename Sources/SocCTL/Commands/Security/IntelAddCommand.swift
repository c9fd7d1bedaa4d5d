import SocProtocol

/// `socctl intel add VALUE`.
enum IntelAddCommand {
    static let spec = CommandSpec(
        name: "add", abstract: "Add an indicator (the same value replaces the one there is).",
        examples: [UsageExample("A domain for a day:", "socctl intel add evil.example --ttl 1d --tag c2")],
        options: [
            .option(
                "type", valueName: "TYPE", help: "ip, cidr, domain, url or sha256 (default: from the value).",
                completion: .words(["ip", "cidr", "domain", "url", "sha256"])),
            .option("source", valueName: "NAME", help: "Where it came from."),
            .option("confidence", valueName: "N", help: "0-100 (default 50)."),
            .option("tag", valueName: "TAG", help: "A label (repeatable).", repeatable: true),
            .option("ttl", valueName: "DURATION", help: "Lifetime: seconds, or 30m, 4h, 1d."),
        ],
        arguments: [.required("VALUE", help: "The indicator's value.")]
    ) { parsed, context in
        let tags = parsed.strings("tag")
        let params = IntelAddRequest.Params(
            type: parsed.string("type"), value: parsed.argument("VALUE")!, source: parsed.string("source"),
            confidence: try parsed.int("confidence", range: 0...100), tags: tags.isEmpty ? nil : tags,
            ttl: RulesOptions.scalar(parsed, "ttl"))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IntelAddRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            let indicator = reply.result
            context.standardOutput.writeLine("indicator \(indicator.id): \(indicator.type) \(indicator.value)")
        }
        return .success
    }
}
