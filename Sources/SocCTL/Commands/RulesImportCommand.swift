import SocProtocol

/// `socctl rules import FILE`: adds (or with `--replace`, replaces the table with) the rules of
/// an export, atomically.
enum RulesImportCommand {
    static let spec = CommandSpec(
        name: "import", abstract: "Add the rules of an export (JSON, nft or iptables-restore), all or none.",
        discussion: """
            The format comes from --format, else from the file's extension (.json, .nft, .rules), \
            else from its content. socd reads the subset of nft and iptables-restore it exports. \
            Rules identical to existing ones extend them instead of being added twice.
            """,
        examples: [
            UsageExample("Restore a backup in place of the current rules:", "socctl rules import rules.json --replace"),
            UsageExample(
                "Load an nftables script from standard input:", "socctl rules import --format nft - < socd.nft"),
        ],
        options: [
            .option(
                "format", short: "f", valueName: "FORMAT",
                help: "\(RulesOptions.formats.joined(separator: ", ")) (default: from the file).",
                completion: .words(RulesOptions.formats)),
            .flag("replace", help: "Replace every rule (and the policy, if the file sets one) instead of adding."),
        ],
        arguments: [.required("FILE", help: "The file to read, or '-' for standard input.", completion: .files)]
    ) { parsed, context in
        let path = parsed.argument("FILE")!
        let explicitFormat = try RulesOptions.format(parsed)
        let bytes = try RulesInputFile.read(path, standardInput: context.standardInput)
        guard let content = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure.dataError("\(name(path)) is not UTF-8 text")
        }
        guard let format = explicitFormat ?? RulesFormatDetection.detect(path: path, content: content) else {
            throw parsed.usageError(
                "cannot tell the format of \(name(path)); give --format \(RulesOptions.formats.joined(separator: "|"))")
        }
        let replace = parsed.flag("replace")
        let params = ImportRulesRequest.Params(format: format, content: content, replace: replace ? true : nil)
        let session = DaemonSession(parsed, context)
        let reply = try session.connect().callKeepingJSON(ImportRulesRequest.self, params)
        if session.wantsJSON {
            session.printCompact(reply.json)
        } else {
            let result = reply.result
            let verb = replace ? "replaced the rules with" : "imported"
            context.standardOutput.writeLine(
                "\(verb) \(RulesText.count(result.ids.count, "rule")) from \(name(path)) (\(format.rawValue)): "
                    + "\(result.created) created, \(result.extended) extended")
        }
        return .success
    }

    /// How messages call the input.
    private static func name(_ path: String) -> String {
        path == "-" ? "standard input" : path
    }
}
