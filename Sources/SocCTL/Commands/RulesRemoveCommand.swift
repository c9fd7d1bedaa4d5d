import JSONRPC
import SocProtocol

/// `socctl rules rm`: rules by id, or every rule whose given fields all match (like
/// `fail2ban-client unbanip`).
enum RulesRemoveCommand {
    static let matchFields = ["src", "dst", "sport", "dport", "proto", "action"]

    static let spec = CommandSpec(
        name: "rm", abstract: "Delete rules by id, or every rule with the given fields.",
        discussion: """
            With IDs, deletes those rules; an id that does not exist is reported and the others \
            are still deleted (exit status 1). With field options instead, deletes every rule \
            whose fields equal all the values given; a field not given may have any value.
            """,
        examples: [
            UsageExample("Delete rules 3 and 5:", "socctl rules rm 3 5"),
            UsageExample("Unban an address everywhere:", "socctl rules rm --src 198.51.100.7"),
        ],
        options: [
            RulesOptions.src, RulesOptions.dst, RulesOptions.sport, RulesOptions.dport, RulesOptions.proto,
            RulesOptions.action,
        ],
        arguments: [.variadic("ID", help: "The ids of the rules to delete, as rules list shows them.")]
    ) { parsed, context in
        let texts = parsed.arguments("ID")
        let given = matchFields.filter { parsed.string($0) != nil }
        var ids: [Int] = []
        for text in texts { ids.append(try RulesOptions.id(text, subject: "ID", parsed: parsed)) }
        let session = DaemonSession(parsed, context)
        switch (ids.isEmpty, given.isEmpty) {
        case (true, true):
            throw parsed.usageError("give the IDs of the rules to delete, or fields to match such as --src ADDRESS")
        case (false, false):
            throw parsed.usageError("give either IDs or match fields (--\(given[0])), not both")
        case (false, true):
            return try delete(ids: ids, on: session.connect(), session: session)
        case (true, false):
            let params = DeleteRulesRequest.Params(
                src: parsed.string("src"), dst: parsed.string("dst"), sport: RulesOptions.scalar(parsed, "sport"),
                dport: RulesOptions.scalar(parsed, "dport"), proto: parsed.string("proto"),
                action: parsed.string("action"))
            let reply = try session.connect().callKeepingJSON(DeleteRulesRequest.self, params)
            if session.wantsJSON {
                session.printCompact(reply.json)
            } else {
                session.context.standardOutput.writeLine(describe(reply.result.deleted))
            }
            return .success
        }
    }

    /// Deletes each rule on one connection. A refusal for one id (it does not exist) is
    /// reported and the rest still go; a daemon that goes away ends the command.
    private static func delete(
        ids: [Int], on client: RPCClient, session: DaemonSession
    ) throws(ClientError)
        -> ExitStatus
    {
        var deleted: [Int] = []
        var status = ExitStatus.success
        for id in ids {
            do throws(ClientError) {
                deleted += try client.call(DeleteRulesRequest.self, .init(id: id)).deleted
            } catch  where error.rpcError != nil {
                // Written at once so that it stands between the lines of the ids around it.
                session.context.standardOutput.flush()
                session.context.standardError.writeLine("socctl: \(error.message)")
                status = .failure
            }
        }
        if session.wantsJSON {
            session.printCompact(JSONValue.object(["deleted": .array(deleted.map { .int($0) })]))
        } else if !deleted.isEmpty {
            session.context.standardOutput.writeLine(describe(deleted))
        }
        return status
    }

    /// `deleted rule 3`, `deleted 2 rules: 3, 5`.
    static func describe(_ deleted: [Int]) -> String {
        if deleted.count == 1 { return "deleted rule \(deleted[0])" }
        let list = deleted.map(String.init).joined(separator: ", ")
        return "deleted \(RulesText.count(deleted.count, "rule"))" + (deleted.isEmpty ? "" : ": " + list)
    }
}
