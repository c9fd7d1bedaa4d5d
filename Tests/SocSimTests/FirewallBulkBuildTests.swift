import Testing

@testable import SocSim

/// `FirewallRuleset(rules:)` builds in one pass what inserting the rules one by one builds: the
/// same order, order keys, candidate lists and decisions, and a structure later edits treat the
/// same way.
@Suite struct FirewallBulkBuildTests {
    /// Every observable and internal difference between a bulk-built and an incrementally built
    /// rule set, plus agreement of both with the linear scan.
    private func expectSameRuleset(
        _ bulk: FirewallRuleset, _ incremental: FirewallRuleset, model: [FirewallRule],
        world: inout RandomFirewallWorld, seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(bulk.rules() == incremental.rules(), "rules differ, seed \(seed)", sourceLocation: sourceLocation)
        #expect(
            bulk.rules().map(\.id) == model.map(\.id), "order differs, seed \(seed)", sourceLocation: sourceLocation)
        #expect(bulk.unindexedRuleCount == incremental.unindexedRuleCount, sourceLocation: sourceLocation)
        for rule in model {
            #expect(
                bulk.ruleIDs(matching: rule.matchKey) == incremental.ruleIDs(matching: rule.matchKey),
                "candidate list for rule \(rule.id) differs, seed \(seed)", sourceLocation: sourceLocation)
        }
        let scan = LinearRuleScan(rules: model, defaultPolicy: bulk.defaultPolicy)
        for _ in 0..<300 {
            let packet = world.packet()
            for now in [world.now, world.now + 1500] {
                let expected = scan.decide(packet, now: now)
                let fromBulk = bulk.check(packet, now: now)
                let fromIncremental = incremental.check(packet, now: now)
                guard fromBulk == expected && fromIncremental == expected else {
                    let message =
                        "seed \(seed): \(packet) at \(now): bulk \(fromBulk), incremental \(fromIncremental), "
                    Issue.record("\(message)scan \(expected)", sourceLocation: sourceLocation)
                    return
                }
            }
        }
    }

    @Test(arguments: 0..<40)
    func bulkBuildEqualsAppendingOneByOne(seed: UInt64) throws {
        var world = RandomFirewallWorld(seed: 9_000 + seed)
        // Up to a few chunks of the order list, so chunk boundaries are exercised.
        let size = seed % 8 == 0 ? 0 : world.position(in: 1...(seed % 3 == 0 ? 2_500 : 300))
        let rules = (0..<size).map { _ in world.rule() }
        let bulk = try FirewallRuleset(rules: rules, defaultPolicy: .drop)
        var incremental = FirewallRuleset(defaultPolicy: .drop)
        for rule in rules { try incremental.insert(rule) }
        #expect(bulk.records.map(\.orderKey) == incremental.records.map(\.orderKey), "order keys, seed \(seed)")
        #expect(
            (0..<bulk.count).map { bulk.order.slot(at: $0) }
                == (0..<incremental.count).map {
                    incremental.order.slot(at: $0)
                })
        expectSameRuleset(bulk, incremental, model: rules, world: &world, seed: seed)
    }

    /// The incremental side inserts at random positions, so its order keys differ from the bulk
    /// build's; decisions and order must not.
    @Test(arguments: 100..<120)
    func bulkBuildEqualsInsertingAtRandomPositions(seed: UInt64) throws {
        var world = RandomFirewallWorld(seed: seed)
        var model: [FirewallRule] = []
        var incremental = FirewallRuleset()
        for _ in 0..<world.position(in: 1...400) {
            let rule = world.rule()
            let position = world.position(in: 1...model.count + 1)
            try incremental.insert(rule, at: position)
            model.insert(rule, at: position - 1)
        }
        let bulk = try FirewallRuleset(rules: model)
        expectSameRuleset(bulk, incremental, model: model, world: &world, seed: seed)
    }

    /// Edits after a bulk build (inserts between bulk-assigned keys, moves, deletes) behave as
    /// they do on a rule set built one rule at a time.
    @Test(arguments: 200..<215)
    func bulkBuiltRuleSetsEditLikeIncrementalOnes(seed: UInt64) throws {
        var world = RandomFirewallWorld(seed: seed)
        var model = (0..<world.position(in: 50...1_200)).map { _ in world.rule() }
        var bulk = try FirewallRuleset(rules: model)
        var incremental = FirewallRuleset()
        for rule in model { try incremental.insert(rule) }
        for _ in 0..<200 {
            switch world.position(in: 0...2) {
            case 0:
                let rule = world.rule()
                let position = world.position(in: 1...model.count + 1)
                try bulk.insert(rule, at: position)
                try incremental.insert(rule, at: position)
                model.insert(rule, at: position - 1)
            case 1 where !model.isEmpty:
                let from = world.position(in: 0...model.count - 1)
                let to = world.position(in: 1...model.count)
                try bulk.move(id: model[from].id, to: to)
                try incremental.move(id: model[from].id, to: to)
                model.insert(model.remove(at: from), at: to - 1)
            case 2 where !model.isEmpty:
                let victim = model.remove(at: world.position(in: 0...model.count - 1))
                #expect(bulk.remove(id: victim.id) == incremental.remove(id: victim.id))
            default:
                break
            }
        }
        expectSameRuleset(bulk, incremental, model: model, world: &world, seed: seed)
    }

    @Test func bulkBuildKeepsHitCountsAndRefusesBadInput() throws {
        var world = RandomFirewallWorld(seed: 5)
        var rules = (0..<50).map { _ in world.rule() }
        rules[7].hits = 41
        let ruleset = try FirewallRuleset(rules: rules)
        #expect(ruleset.rule(id: rules[7].id)?.hits == 41)
        #expect(ruleset.rule(id: rules[7].id)?.position == 8)

        var duplicated = rules
        duplicated[30].id = duplicated[3].id
        #expect(throws: FirewallRulesetError.duplicateID(duplicated[3].id)) {
            try FirewallRuleset(rules: duplicated)
        }
        var icmpWithPort = world.rule()
        icmpWithPort.proto = .icmp
        icmpWithPort.destinationPort = .port(80)
        var existing = ruleset
        #expect(throws: FirewallRulesetError.self) { try existing.replaceAll(with: rules + [icmpWithPort]) }
        #expect(existing.rules() == ruleset.rules(), "a failed replaceAll changes nothing")
    }
}
