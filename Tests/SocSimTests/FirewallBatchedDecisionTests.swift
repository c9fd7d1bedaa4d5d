import Testing

@testable import SocSim

/// The batched `decide` must give exactly what deciding the same packets one at a time gives:
/// the same decisions in the same order, the same hit counts, and the same changed counters
/// reported in the same order.
@Suite struct FirewallBatchedDecisionTests {
    /// Decides `packets` on a copy of `ruleset` one at a time and on another in one batch, and
    /// compares decisions, every rule's hits and the changed-counter report.
    private func expectBatchAgrees(
        _ ruleset: FirewallRuleset, packets: [FiveTuple], now: Int64, window: Int, seed: UInt64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var single = ruleset
        var batched = ruleset
        let expected = packets.map { single.decide($0, now: now) }
        var actual: [FirewallDecision] = [FirewallDecision(action: .accept, ruleID: -1)]
        batched.decide(packets, now: now, into: &actual, window: window)
        #expect(actual.first == FirewallDecision(action: .accept, ruleID: -1), "earlier decisions are kept")
        #expect(
            Array(actual.dropFirst()) == expected, "decisions differ, seed \(seed), window \(window)",
            sourceLocation: sourceLocation)
        #expect(
            batched.rules().map(\.hits) == single.rules().map(\.hits), "hit counts differ, seed \(seed)",
            sourceLocation: sourceLocation)
        #expect(
            batched.takeChangedHitCounts() == single.takeChangedHitCounts(), "hit reports differ, seed \(seed)",
            sourceLocation: sourceLocation)
    }

    /// A batch of random packets, with some repeated so several packets hit the same rule.
    private func batch(_ world: inout RandomFirewallWorld, count: Int) -> [FiveTuple] {
        var packets: [FiveTuple] = []
        for _ in 0..<count {
            if !packets.isEmpty && world.chance(0.25) {
                packets.append(packets[world.position(in: 0...packets.count - 1)])
            } else {
                packets.append(world.packet())
            }
        }
        return packets
    }

    @Test(arguments: 0..<40)
    func freshRuleSetsDecideBatchesAsOneAtATime(seed: UInt64) throws {
        var world = RandomFirewallWorld(seed: seed)
        let rules = (0..<world.position(in: 0...400)).map { _ in world.rule() }
        let ruleset = try FirewallRuleset(rules: rules, defaultPolicy: world.chance(0.5) ? .accept : .drop)
        for window in [1, 3, 4, 16, 64] {
            let packets = batch(&world, count: world.position(in: 0...300))
            // Rules expire at `now`, and the world's rules expire around it.
            for now in [world.now - 1500, world.now, world.now + 1500] {
                expectBatchAgrees(ruleset, packets: packets, now: now, window: window, seed: seed)
            }
        }
    }

    @Test(arguments: 100..<120)
    func editedRuleSetsDecideBatchesAsOneAtATime(seed: UInt64) throws {
        var world = RandomFirewallWorld(seed: seed)
        var ruleset = try FirewallRuleset(rules: (0..<world.position(in: 0...200)).map { _ in world.rule() })
        for round in 0..<10 {
            for _ in 0..<world.position(in: 1...30) { try applyRandomEdit(to: &ruleset, world: &world) }
            // Hits counted before a batch must carry on, not restart.
            for packet in batch(&world, count: 20) { _ = ruleset.decide(packet, now: world.now) }
            let packets = batch(&world, count: world.position(in: 1...200))
            expectBatchAgrees(
                ruleset, packets: packets, now: world.now, window: [4, 8, 16][round % 3],
                seed: seed * 100 + UInt64(round))
        }
    }

    /// A packet with more candidate keys than the batched search holds per packet (here 31
    /// source lengths around one address) is decided by the one-probe-at-a-time search.
    @Test func packetsWithManyCandidateKeysAreDecidedToo() throws {
        let address = IPv4Address(0xC633_6407)
        var rules = (1...31).map { length in
            FirewallRule(
                id: Int64(length), position: 0, source: .network(IPv4CIDR(network: address, prefixLength: length)),
                destinationPort: .port(UInt16(length)), proto: .tcp, action: .drop, createdAt: 0)
        }
        rules.append(FirewallRule(id: 32, position: 0, source: .host(address), action: .reject, createdAt: 0))
        rules.append(
            FirewallRule(
                id: 33, position: 0, destination: .network(IPv4CIDR(network: address, prefixLength: 20)),
                action: .accept,
                createdAt: 0))
        let ruleset = try FirewallRuleset(rules: rules)
        var world = RandomFirewallWorld(seed: 9)
        var packets: [FiveTuple] = []
        for port in [0, 5, 17, 31, 80] {
            packets.append(
                FiveTuple(
                    source: address, destination: address, sourcePort: 1, destinationPort: UInt16(port), proto: .tcp))
            packets.append(world.packet())
        }
        expectBatchAgrees(ruleset, packets: packets, now: 0, window: 4, seed: 9)
    }

    /// A collection without contiguous storage (here a lazy map) is decided the same way.
    @Test func anyCollectionOfPacketsCanBeDecided() throws {
        var world = RandomFirewallWorld(seed: 77)
        var single = try FirewallRuleset(rules: (0..<200).map { _ in world.rule() })
        var batched = single
        let packets = batch(&world, count: 150)
        let expected = packets.map { single.decide($0, now: world.now) }
        var actual: [FirewallDecision] = []
        batched.decide((0..<packets.count).lazy.map { packets[$0] }, now: world.now, into: &actual)
        #expect(actual == expected)
        #expect(batched.rules().map(\.hits) == single.rules().map(\.hits))
    }

    private func applyRandomEdit(to ruleset: inout FirewallRuleset, world: inout RandomFirewallWorld) throws {
        let ids = ruleset.rules().map(\.id)
        switch world.position(in: 0...99) {
        case 0..<40: try ruleset.insert(world.rule(), at: world.position(in: 1...ids.count + 1))
        case 40..<60 where !ids.isEmpty: ruleset.remove(id: ids[world.position(in: 0...ids.count - 1)])
        case 60..<80 where !ids.isEmpty:
            try ruleset.move(id: ids[world.position(in: 0...ids.count - 1)], to: world.position(in: 1...ids.count))
        case 80..<98 where !ids.isEmpty:
            var replacement = world.rule()
            replacement.id = ids[world.position(in: 0...ids.count - 1)]
            try ruleset.update(replacement)
        default:
            _ = ruleset.removeExpired(now: world.now)
        }
    }
}
