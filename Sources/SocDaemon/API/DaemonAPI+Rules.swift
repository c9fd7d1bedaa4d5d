import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim
import SocStore

extension DaemonAPI {
    static func registerRules(_ router: inout RPCRouter<RequestContext>, _ services: DaemonServices) {
        let firewall = services.firewall
        let events = services.events
        let revert: @Sendable () -> Void = { firewall.reload() }

        router.registerChange(AddRuleRequest.self, services) { params, _ in
            let draft = try RuleInputParser.draft(params.rule, now: WallClock.nowMilliseconds)
            if let position = params.position, position < 1 {
                throw RPCError.invalidParams(field: "position", "\(position) is below 1")
            }
            return StateChange(
                persist: { db in try firewall.add(draft, at: params.position, in: db) },
                apply: { (added: FirewallService.AddedRule) in
                    let outcome = added.created ? "created" : "extended"
                    events.publish(.rules, ["event": .string(outcome), "rule": added.rule.info.json])
                    return AddRuleRequest.Result(rule: added.rule.info, outcome: outcome)
                }, revert: revert)
        }

        router.registerChange(AddRulesRequest.self, services) { params, _ in
            let now = WallClock.nowMilliseconds
            let drafts = try params.rules.enumerated().map { index, input in
                try RuleInputParser.draft(input, now: now, fieldPrefix: "rules[\(index)].")
            }
            return StateChange(
                persist: { db in try firewall.add(drafts, replacing: false, policy: RuleAction?.none, in: db) },
                apply: { added in summarize(added, event: "addedMany", events: events) }, revert: revert)
        }

        router.register(ListRulesRequest.self) { params, _ in
            let limit = params.limit ?? 1000
            guard (1...10_000).contains(limit) else {
                throw RPCError.invalidParams(field: "limit", "\(limit) is outside 1-10000")
            }
            let offset = params.offset ?? 0
            guard offset >= 0 else { throw RPCError.invalidParams(field: "offset", "\(offset) is below 0") }
            let filter = try RuleInputParser.filter(params)
            let page = firewall.rules(matching: filter, offset: offset, limit: limit)
            return ListRulesRequest.Result(
                rules: page.rules.map(\.info), total: page.total, policy: page.policy.rawValue)
        }

        router.register(GetRuleRequest.self) { params, _ in
            guard let rule = firewall.rule(id: Int64(params.id)) else {
                throw FirewallService.noSuchRule(Int64(params.id))
            }
            return rule.info
        }

        router.registerChange(UpdateRuleRequest.self, services) { params, _ in
            let id = Int64(params.id)
            guard let current = firewall.rule(id: id) else { throw FirewallService.noSuchRule(id) }
            let updated = try RuleInputParser.updated(current, with: params, now: WallClock.nowMilliseconds)
            return StateChange(
                persist: { db in try firewall.update(updated, in: db) },
                apply: { (rule: FirewallRule) in
                    events.publish(.rules, ["event": "updated", "rule": rule.info.json])
                    return rule.info
                }, revert: revert)
        }

        router.registerChange(DeleteRulesRequest.self, services) { params, _ in
            let persist: @Sendable (Database) throws -> [FirewallRule]
            if let id = params.id {
                guard params.src == nil, params.dst == nil, params.sport == nil, params.dport == nil,
                    params.proto == nil,
                    params.action == nil
                else {
                    throw RPCError.invalidParams(field: "id", "give either id or match fields, not both")
                }
                persist = { db in try firewall.delete(ids: [Int64(id)], in: db) }
            } else {
                let criteria = try RuleInputParser.criteria(params)
                guard !criteria.isEmpty else {
                    throw RPCError.invalidParams(
                        field: nil, "give id, or at least one of src, dst, sport, dport, proto, action")
                }
                persist = { db in try firewall.delete(matching: criteria, in: db) }
            }
            return StateChange(
                persist: persist,
                apply: { deleted in
                    let ids = deleted.map { Int($0.id) }
                    events.publish(.rules, ["event": "deleted", "ids": .array(ids.map { .int($0) })])
                    return DeleteRulesRequest.Result(deleted: ids)
                }, revert: revert)
        }

        router.registerChange(MoveRuleRequest.self, services) { params, _ in
            StateChange(
                persist: { db in try firewall.move(id: Int64(params.id), to: params.position, in: db) },
                apply: { (rule: FirewallRule) in
                    events.publish(.rules, ["event": "moved", "rule": rule.info.json])
                    return rule.info
                }, revert: revert)
        }

        router.registerChange(ClearRulesRequest.self, services) { params, _ in
            guard params.confirm else {
                throw RPCError.invalidParams(field: "confirm", "must be true to delete every rule")
            }
            return StateChange(
                persist: { db in try firewall.clear(in: db) },
                apply: { count in
                    events.publish(.rules, ["event": "cleared", "deleted": .int(count)])
                    return ClearRulesRequest.Result(deleted: count)
                }, revert: revert)
        }

        router.register(CheckRuleRequest.self) { params, _ in
            let packet = try RuleInputParser.packet(params)
            let (decision, rule) = firewall.check(packet, now: WallClock.nowMilliseconds)
            return CheckRuleRequest.Result(
                verdict: decision.action.rawValue, rule: rule?.info,
                decidedBy: rule.map { "rule \($0.id) at position \($0.position)" } ?? "default policy")
        }

        router.registerChange(SetPolicyRequest.self, services) { params, _ in
            let policy = try RuleInputParser.action(params.policy, field: "policy")
            return StateChange(
                persist: { db in try firewall.setPolicy(policy, in: db) },
                apply: { previous in
                    events.publish(
                        .rules,
                        ["event": "policy", "previous": .string(previous.rawValue), "policy": .string(policy.rawValue)])
                    return SetPolicyRequest.Result(previous: previous.rawValue, policy: policy.rawValue)
                }, revert: revert)
        }

        router.register(ExportRulesRequest.self) { params, _ in
            let (rules, policy) = firewall.allRules()
            return ExportRulesRequest.Result(
                format: params.format, count: rules.count,
                content: RuleExchange.render(rules, policy: policy, as: params.format))
        }

        router.registerChange(ImportRulesRequest.self, services) { params, _ in
            let imported = try RuleExchange.parse(params.content, as: params.format, now: WallClock.nowMilliseconds)
            let replacing = params.replace ?? false
            return StateChange(
                persist: { db in
                    try firewall.add(
                        imported.drafts, replacing: replacing, policy: replacing ? imported.policy : nil, in: db)
                },
                apply: { added in summarize(added, event: replacing ? "replaced" : "imported", events: events) },
                revert: revert)
        }
    }

    private static func summarize(
        _ added: [FirewallService.AddedRule], event: String, events: EventBus
    ) -> AddRulesRequest.Result {
        let created = added.count { $0.created }
        let ids = added.map { Int($0.rule.id) }
        events.publish(
            .rules, ["event": .string(event), "created": .int(created), "extended": .int(added.count - created)])
        return AddRulesRequest.Result(created: created, extended: added.count - created, ids: ids)
    }
}
