import Testing

@testable import SocSim

@Suite struct FirewallRulesetTests {
    private let attacker = IPv4Address(198, 51, 100, 7)
    private let server = IPv4Address(10, 0, 0, 10)

    private func rule(_ id: Int64, _ key: RuleMatchKey, expiresAt: Int64? = nil) -> FirewallRule {
        var rule = FirewallRule(id: id, position: 0, action: key.action, expiresAt: expiresAt, createdAt: 0)
        rule.matchKey = key
        return rule
    }

    private func web(from source: IPv4Address, port: UInt16 = 80) -> FiveTuple {
        FiveTuple(source: source, destination: server, sourcePort: 40000, destinationPort: port, proto: .tcp)
    }

    @Test func theRoomsRuleStopsTheAttackerAndKeepsTheSiteUp() throws {
        var ruleset = FirewallRuleset()
        try ruleset.insert(
            rule(
                1,
                RuleMatchKey(
                    source: .host(attacker), destination: .host(server), destinationPort: .port(80), action: .drop)))
        #expect(ruleset.decide(web(from: attacker), now: 0) == FirewallDecision(action: .drop, ruleID: 1))
        #expect(
            ruleset.decide(web(from: IPv4Address(203, 0, 113, 5)), now: 0)
                == FirewallDecision(action: .accept, ruleID: nil))
        #expect(ruleset.decide(web(from: attacker, port: 443), now: 0).ruleID == nil)
        ruleset.defaultPolicy = .drop
        #expect(ruleset.check(web(from: attacker, port: 443), now: 0) == FirewallDecision(action: .drop, ruleID: nil))
    }

    @Test func positionsStayDenseThroughEdits() throws {
        var ruleset = FirewallRuleset()
        for id in 1...5 {
            try ruleset.insert(rule(Int64(id), RuleMatchKey(destinationPort: .port(UInt16(id)), action: .drop)))
        }
        #expect(try ruleset.insert(rule(6, RuleMatchKey(action: .accept)), at: 1).position == 1)
        #expect(ruleset.rules().map(\.id) == [6, 1, 2, 3, 4, 5])
        #expect(ruleset.remove(id: 2)?.position == 3)
        #expect(try ruleset.move(id: 6, to: 5).position == 5)
        #expect(ruleset.rules().map(\.id) == [1, 3, 4, 5, 6])
        #expect(ruleset.rules().map(\.position) == [1, 2, 3, 4, 5])
        #expect(ruleset.position(ofRule: 4) == 3)
        #expect(ruleset.rule(atPosition: 2)?.id == 3)
        #expect(ruleset.rules(fromPosition: 2, limit: 2).map(\.id) == [3, 4])
    }

    @Test func badEditsAreRefusedAndChangeNothing() throws {
        var ruleset = try FirewallRuleset(rules: [rule(1, RuleMatchKey(action: .drop))])
        #expect(throws: FirewallRulesetError.duplicateID(1)) {
            try ruleset.insert(rule(1, RuleMatchKey(action: .drop)))
        }
        #expect(throws: FirewallRulesetError.positionOutOfRange(3, valid: 1...2)) {
            try ruleset.insert(rule(2, RuleMatchKey(action: .drop)), at: 3)
        }
        #expect(throws: FirewallRulesetError.unknownID(9)) { try ruleset.move(id: 9, to: 1) }
        #expect(throws: FirewallRulesetError.positionOutOfRange(0, valid: 1...1)) { try ruleset.move(id: 1, to: 0) }
        var icmpWithPort = rule(2, RuleMatchKey(destinationPort: .port(80), proto: .icmp, action: .drop))
        icmpWithPort.proto = .icmp
        #expect(throws: FirewallRulesetError.self) { try ruleset.insert(icmpWithPort) }
        #expect(throws: FirewallRulesetError.duplicateID(1)) {
            try ruleset.replaceAll(with: [rule(1, RuleMatchKey(action: .drop)), rule(1, RuleMatchKey(action: .drop))])
        }
        #expect(ruleset.count == 1 && ruleset.rule(id: 1) != nil)
        #expect(FirewallRulesetError.positionOutOfRange(3, valid: 1...2).description == "position 3 is outside 1-2")
    }

    @Test func expiredRulesNeverMatchAndArePurged() throws {
        var ruleset = try FirewallRuleset(rules: [
            rule(1, RuleMatchKey(source: .host(attacker), action: .drop), expiresAt: 1000),
            rule(2, RuleMatchKey(source: .host(attacker), action: .reject), expiresAt: 5000),
        ])
        #expect(ruleset.check(web(from: attacker), now: 999).ruleID == 1)
        #expect(ruleset.check(web(from: attacker), now: 1000).ruleID == 2)
        #expect(ruleset.check(web(from: attacker), now: 5000).ruleID == nil)
        #expect(ruleset.removeExpired(now: 1000).map(\.id) == [1])
        #expect(ruleset.rules().map(\.id) == [2])
    }

    @Test func hitsAreCountedAndHandedOutOnce() throws {
        var ruleset = try FirewallRuleset(rules: [rule(7, RuleMatchKey(source: .host(attacker), action: .drop))])
        for _ in 0..<3 { _ = ruleset.decide(web(from: attacker), now: 0) }
        _ = ruleset.check(web(from: attacker), now: 0)
        #expect(ruleset.rule(id: 7)?.hits == 3)
        #expect(ruleset.takeChangedHitCounts() == [RuleHitCount(id: 7, hits: 3)])
        #expect(ruleset.takeChangedHitCounts().isEmpty)
        var updated = ruleset.rule(id: 7)!
        updated.comment = "extended"
        updated.expiresAt = 10_000
        #expect(try ruleset.update(updated).hits == 3)
        #expect(ruleset.rule(id: 7)?.comment == "extended")
    }

    @Test func hitsOfAFailedSaveAreReportedAgain() throws {
        let other = IPv4Address(203, 0, 113, 9)
        let third = IPv4Address(203, 0, 113, 10)
        var ruleset = try FirewallRuleset(rules: [
            rule(7, RuleMatchKey(source: .host(attacker), action: .drop)),
            rule(8, RuleMatchKey(source: .host(other), action: .drop)),
            rule(9, RuleMatchKey(source: .host(third), action: .drop)),
        ])
        for _ in 0..<3 { _ = ruleset.decide(web(from: attacker), now: 0) }
        for _ in 0..<2 { _ = ruleset.decide(web(from: other), now: 0) }
        _ = ruleset.decide(web(from: third), now: 0)
        let taken = ruleset.takeChangedHitCounts()
        #expect(
            Set(taken) == [RuleHitCount(id: 7, hits: 3), RuleHitCount(id: 8, hits: 2), RuleHitCount(id: 9, hits: 1)])
        // The save failed. Meanwhile rule 8 counted one more hit and rule 9 was deleted.
        _ = ruleset.decide(web(from: other), now: 0)
        ruleset.remove(id: 9)
        ruleset.markHitCountsUnsaved(taken + [RuleHitCount(id: 99, hits: 1)])
        #expect(Set(ruleset.takeChangedHitCounts()) == [RuleHitCount(id: 7, hits: 3), RuleHitCount(id: 8, hits: 3)])
        #expect(ruleset.takeChangedHitCounts().isEmpty)
    }

    @Test func aReloadedRuleSetKeepsTheHitsCountedInMemory() throws {
        var current = try FirewallRuleset(rules: [
            rule(7, RuleMatchKey(source: .host(attacker), action: .drop)),
            rule(8, RuleMatchKey(source: .host(IPv4Address(203, 0, 113, 9)), action: .drop)),
        ])
        for _ in 0..<5 { _ = current.decide(web(from: attacker), now: 0) }
        // The database holds 2 hits for rule 7 (its last save) and 4 for rule 8; memory counted
        // 5 for rule 7 and none for rule 8.
        var stored7 = rule(7, RuleMatchKey(source: .host(attacker), action: .drop))
        stored7.hits = 2
        var stored8 = rule(8, RuleMatchKey(source: .host(IPv4Address(203, 0, 113, 9)), action: .drop))
        stored8.hits = 4
        var fresh = try FirewallRuleset(rules: [stored7, stored8])
        fresh.adoptHitCounts(from: current)
        #expect(fresh.rule(id: 7)?.hits == 5)
        #expect(fresh.rule(id: 8)?.hits == 4, "a stored count higher than memory's stands")
        #expect(fresh.takeChangedHitCounts() == [RuleHitCount(id: 7, hits: 5)])
    }

    @Test func identicalRulesAreFoundByTheirMatchKey() throws {
        let key = RuleMatchKey(source: .host(attacker), destinationPort: .range(1000, 2000), proto: .tcp, action: .drop)
        var other = key
        other.action = .reject
        let ruleset = try FirewallRuleset(rules: [
            rule(1, key), rule(2, other), rule(3, key), rule(4, RuleMatchKey(action: .drop)),
        ])
        #expect(ruleset.ruleIDs(matching: key) == [1, 3])
        #expect(ruleset.ruleIDs(matching: RuleMatchKey(action: .drop)) == [4])
        #expect(ruleset.ruleIDs(matching: RuleMatchKey(action: .accept)).isEmpty)
    }

    @Test func storedRulesReadBackAsInserted() throws {
        let original = FirewallRule(
            id: 9, position: 0, source: .network(IPv4CIDR("192.0.2.0/24")!), sourcePort: .range(1, 1023),
            destinationPort: .port(53), proto: .udp, action: .reject, comment: "dns", expiresAt: 77, createdAt: 11,
            hits: 5)
        let ruleset = try FirewallRuleset(rules: [original])
        var expected = original
        expected.position = 1
        #expect(ruleset.rule(id: 9) == expected)
    }

    @Test func portRulesNeverMatchICMP() throws {
        let ruleset = try FirewallRuleset(rules: [rule(1, RuleMatchKey(destinationPort: .port(0), action: .drop))])
        let ping = FiveTuple(source: attacker, destination: server, sourcePort: 0, destinationPort: 0, proto: .icmp)
        #expect(ruleset.check(ping, now: 0).ruleID == nil)
    }

    /// Adversarial order: always inserting at the front or between the same two rules
    /// exhausts key gaps again and again; keys must stay strictly increasing.
    @Test func orderKeysStayStrictlyIncreasingUnderRelabelling() {
        var order = RuleOrder()
        var keys: [UInt32: UInt64] = [:]
        var expected: [UInt32] = []
        var generator = SeededGenerator(seed: 3)
        for slot in UInt32(0)..<4000 {
            let index =
                slot % 3 == 0
                ? 0 : (slot % 3 == 1 ? min(1, expected.count) : Int.random(in: 0...expected.count, using: &generator))
            let (key, relabels) = order.insert(slot, at: index)
            keys[slot] = key
            for relabel in relabels { keys[relabel.slot] = relabel.key }
            expected.insert(slot, at: index)
        }
        for _ in 0..<1500 { order.remove(at: expected.count / 2); expected.remove(at: expected.count / 2) }
        var actual: [UInt32] = []
        order.forEachSlot {
            actual.append($0); return true
        }
        #expect(actual == expected)
        let ordered = expected.map { keys[$0]! }
        #expect(zip(ordered, ordered.dropFirst()).allSatisfy { $0 < $1 })
        #expect(expected.indices.allSatisfy { order.index(ofKey: ordered[$0]) == $0 })
    }
}
