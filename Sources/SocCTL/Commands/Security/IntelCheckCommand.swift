import SocProtocol

/// `socctl intel check VALUE`: exit status 0 when it is known bad, 1 when not.
enum IntelCheckCommand {
    static let spec = CommandSpec(
        name: "check", abstract: "Check a value against the indicators (exit status 1 when it matches none).",
        examples: [UsageExample("An address:", "socctl intel check 198.51.100.7")],
        arguments: [.required("VALUE", help: "An address, domain, URL or hash.")]
    ) { parsed, context in
        let value = parsed.argument("VALUE")!
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IntelCheckRequest.self, .init(value: value))
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else if let indicator = reply.result.indicator {
            let source = indicator.source.isEmpty ? "" : " from \(indicator.source)"
            context.standardOutput.writeLine(
                "\(value) matches indicator \(indicator.id): \(indicator.type) \(indicator.value)\(source), confidence \(indicator.confidence)"
            )
        } else {
            context.standardOutput.writeLine("\(value) matches no indicator")
        }
        return reply.result.matched ? .success : .failure
    }
}
