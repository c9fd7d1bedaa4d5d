import SocProtocol

/// `socctl intel import FILE`: a feed, all or nothing.
enum IntelImportCommand {
    static let formats = ["plain", "csv", "stix"]

    static let spec = CommandSpec(
        name: "import", abstract: "Import a feed: a plain list, CSV with a header, or a STIX 2.1 bundle.",
        discussion: "The format comes from --format, else from the extension (.csv, .json), else plain.",
        examples: [UsageExample("A blocklist, one value a line:", "socctl intel import --source abuse blocklist.txt")],
        options: [
            .option(
                "format", short: "f", valueName: "FORMAT", help: "plain, csv or stix.", completion: .words(formats)),
            .option("source", valueName: "NAME", help: "Source for indicators that name none."),
            .option("confidence", valueName: "N", help: "Confidence for indicators that give none."),
        ],
        arguments: [.required("FILE", help: "The feed, or '-' for standard input.", completion: .files)]
    ) { parsed, context in
        let path = parsed.argument("FILE")!
        let bytes = try RulesInputFile.read(path, standardInput: context.standardInput)
        guard let content = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure.dataError("\(path) is not UTF-8 text")
        }
        let format = parsed.string("format") ?? detect(path: path, content: content)
        let params = IntelImportRequest.Params(
            format: format, content: content, source: parsed.string("source"),
            confidence: try parsed.int("confidence", range: 0...100))
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(IntelImportRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            context.standardOutput.writeLine("imported \(RulesText.count(reply.result.imported, "indicator"))")
        }
        return .success
    }

    /// `.csv` is CSV; `.json` or a document starting with `{` is a STIX bundle; else plain.
    static func detect(path: String, content: String) -> String {
        if path.hasSuffix(".csv") { return "csv" }
        if path.hasSuffix(".json") || content.drop(while: \.isWhitespace).first == "{" { return "stix" }
        return "plain"
    }
}
