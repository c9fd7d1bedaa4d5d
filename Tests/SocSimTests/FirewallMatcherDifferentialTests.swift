import Testing

@testable import SocSim

/// The compiled matcher must decide exactly as a linear first-match scan over the same rules in
/// the same order: same action, same deciding rule, for every packet.
@Suite struct FirewallMatcherDifferentialTests {
    /// Compares every decision for `packets` random packets and the rule order itself.
    private func expectAgreement(
        _ ruleset: FirewallRuleset, model: [FirewallRule], world: inout RandomFirewallWorld, packets: Int,
        seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let stored = ruleset.rules()
        #expect(stored.map(\.id) == model.map(\.id), "order differs, seed \(seed)", sourceLocation: sourceLocation)
        #expect(
            stored.map(\.position) == Array(stride(from: 1, through: model.count, by: 1)),
            sourceLocation: sourceLocation)
        let scan = LinearRuleScan(rules: model, defaultPolicy: ruleset.defaultPolicy)
        for _ in 0..<packets {
            let packet = world.packet()
            for now in [world.now, world.now + 1500] {
                let expected = scan.decide(packet, now: now)
                let actual = ruleset.check(packet, now: now)
                guard expected == actual else {
                    Issue.record(
                        "seed \(seed): \(packet) at \(now): compiled \(actual), scan \(expected)",
                        sourceLocation: sourceLocation)
                    return
                }
            }
        }
    }

    @Test(arguments: 0..<60)
    func freshRuleSetsDecideLikeTheScan(seed: UInt64) throws {
        var world = RandomFirewallWorld(seed: seed)
        let size = seed % 6 == 0 ? 0 : world.position(in: 1...500)
        let rules = (0..<size).map { _ in world.rule() }
        let policy: RuleAction = world.chance(0.5) ? .accept : .drop
        let ruleset = try FirewallRuleset(rules: rules, defaultPolicy: policy)
        expectAgreement(ruleset, model: rules, world: &world, packets: 400, seed: seed)
    }

    @Test(arguments: 100..<140)
    func editedRuleSetsDecideLikeTheScan(seed: UInt64) throws {
        var world = RandomFirewallWorld(seed: seed)
        var model = (0..<world.position(in: 0...300)).map { _ in world.rule() }
        var ruleset = try FirewallRuleset(rules: model)
        for round in 0..<12 {
            for _ in 0..<world.position(in: 1...40) {
                try applyRandomEdit(to: &ruleset, model: &model, world: &world)
            }
            expectAgreement(ruleset, model: model, world: &world, packets: 60, seed: seed * 1000 + UInt64(round))
        }
    }

    /// Many inserts at one spot exhaust the gaps between order keys and force relabelling.
    @Test(arguments: [1, 2, 50])
    func repeatedInsertsAtOnePositionKeepOrder(position: Int) throws {
        var world = RandomFirewallWorld(seed: 7 + UInt64(position))
        var model = (0..<100).map { _ in world.rule() }
        var ruleset = try FirewallRuleset(rules: model)
        for _ in 0..<300 {
            let rule = world.rule()
            try ruleset.insert(rule, at: position)
            model.insert(rule, at: position - 1)
        }
        expectAgreement(ruleset, model: model, world: &world, packets: 500, seed: UInt64(position))
    }

    private func applyRandomEdit(
        to ruleset: inout FirewallRuleset, model: inout [FirewallRule], world: inout RandomFirewallWorld
    ) throws {
        switch world.position(in: 0...99) {
        case 0..<35:
            let rule = world.rule()
            let position = world.position(in: 1...model.count + 1)
            let stored = try ruleset.insert(rule, at: position)
            #expect(stored.position == position)
            model.insert(rule, at: position - 1)
        case 35..<40:
            let rule = world.rule()
            try ruleset.insert(rule)
            model.append(rule)
        case 40..<60 where !model.isEmpty:
            let victim = world.position(in: 0...model.count - 1)
            let removed = ruleset.remove(id: model[victim].id)
            #expect(removed?.position == victim + 1)
            model.remove(at: victim)
        case 60..<80 where !model.isEmpty:
            let from = world.position(in: 0...model.count - 1)
            let to = world.position(in: 1...model.count)
            let moved = try ruleset.move(id: model[from].id, to: to)
            #expect(moved.position == to)
            model.insert(model.remove(at: from), at: to - 1)
        case 80..<98 where !model.isEmpty:
            let target = world.position(in: 0...model.count - 1)
            var replacement = world.rule()
            replacement.id = model[target].id
            let updated = try ruleset.update(replacement)
            #expect(updated.position == target + 1)
            model[target] = replacement
        case 98:
            ruleset.removeAll()
            model.removeAll()
        default:
            ruleset.defaultPolicy = world.chance(0.5) ? .accept : .reject
        }
    }
}
