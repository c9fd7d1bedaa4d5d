import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim

/// The export and import formats of `rules.export` and `rules.import`.
enum RuleExchange {
    /// What an import brings: validated drafts, in order, and the policy if the content set one.
    struct Imported {
        var drafts: [RuleDraft]
        var policy: RuleAction?
    }

    static func render(_ rules: [FirewallRule], policy: RuleAction, as format: RuleFormat) -> String {
        switch format {
        case .nft:
            let (rules, policy) = chainExpressible(rules, policy: policy)
            return NftablesScript.render(rules, defaultPolicy: policy)
        case .iptablesRestore:
            let (rules, policy) = chainExpressible(rules, policy: policy)
            return IptablesRestoreScript.render(rules, defaultPolicy: policy)
        case .json:
            return JSONValue.object([
                "policy": .string(policy.rawValue),
                "rules": .array(rules.map(\.info.json)),
            ]).serializedString
        }
    }

    /// nft and iptables chains take only an accept or drop policy (`policy reject` does not
    /// load; iptables would silently read it as DROP). A REJECT policy is therefore written as
    /// a DROP policy behind a last catch-all REJECT rule, which decides every packet the same
    /// way and imports back as such.
    private static func chainExpressible(
        _ rules: [FirewallRule], policy: RuleAction
    ) -> (rules: [FirewallRule], policy: RuleAction) {
        guard policy == .reject else { return (rules, policy) }
        let catchAll = FirewallRule(
            id: 0, position: rules.count + 1, action: .reject, comment: "socd default policy REJECT", createdAt: 0)
        return (rules + [catchAll], .drop)
    }

    static func parse(_ content: String, as format: RuleFormat, now: Int64) throws -> Imported {
        switch format {
        case .nft, .iptablesRestore:
            let imported: ImportedRules
            do {
                imported = try format == .nft ? NftablesScript.parse(content) : IptablesRestoreScript.parse(content)
            } catch {
                throw RPCError.invalidParams(field: "content", "\(error)")
            }
            var drafts: [RuleDraft] = []
            for rule in imported.rules {
                do {
                    drafts.append(try rule.spec.validated(now: now))
                } catch {
                    throw RPCError.invalidParams(field: "content", "line \(rule.line): \(error)")
                }
            }
            return Imported(drafts: drafts, policy: imported.defaultPolicy)
        case .json:
            return try parseJSON(content, now: now)
        }
    }

    /// Reads `{"policy": ..., "rules": [...]}` as `rules.export` writes it, or a bare array of
    /// rules. Each rule takes the fields of `rules.add`; an `expiresAt` in the future becomes a
    /// lifetime, one in the past drops the rule, and other fields of an export are ignored.
    private static func parseJSON(_ content: String, now: Int64) throws -> Imported {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: content)
        } catch {
            throw RPCError.invalidParams(field: "content", "not JSON: \(error)")
        }
        var policy: RuleAction?
        let elements: [JSONValue]
        switch document {
        case .array(let array):
            elements = array
        case .object(let members):
            guard let array = members["rules"]?.arrayValue else {
                throw RPCError.invalidParams(field: "content", "expected {\"rules\": [...]} or an array of rules")
            }
            elements = array
            if let text = members["policy"]?.stringValue {
                policy = try RuleInputParser.action(text, field: "content.policy")
            }
        default:
            throw RPCError.invalidParams(field: "content", "expected {\"rules\": [...]} or an array of rules")
        }
        var drafts: [RuleDraft] = []
        for (index, element) in elements.enumerated() {
            let prefix = "content.rules[\(index)]."
            guard case .object(var members) = element else {
                throw RPCError.invalidParams(
                    field: "content.rules[\(index)]", "expected an object, got \(element.typeName)")
            }
            if let expiresAt = members.removeValue(forKey: "expiresAt"), expiresAt != .null {
                guard let text = expiresAt.stringValue, let milliseconds = ISO8601.parse(text) else {
                    throw RPCError.invalidParams(field: prefix + "expiresAt", "expected an ISO 8601 time")
                }
                if milliseconds <= now { continue }
                members["ttl"] = .int(Int((milliseconds - now + 999) / 1000))
            }
            for exported in ["id", "position", "createdAt", "hits"] { members[exported] = nil }
            let input: RuleInput
            do {
                input = try JSONValueDecoder(rejectsUnknownKeys: true).decode(RuleInput.self, from: .object(members))
            } catch {
                throw RPCError.invalidParams(field: prefix + error.renderedPath, error.message)
            }
            drafts.append(try RuleInputParser.draft(input, now: now, fieldPrefix: prefix))
        }
        return Imported(drafts: drafts, policy: policy)
    }
}
