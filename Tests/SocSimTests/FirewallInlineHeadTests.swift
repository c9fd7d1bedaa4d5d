import Testing

@testable import SocSim

/// The index keeps each key's earliest rule inline in its table bucket (`CandidateBucket`), so
/// every edit that changes which rule is first under a key, or that rule's fields or order key,
/// must refresh that copy. These tests pile many rules onto one key and edit them until the head
/// changes in every way, checking each time that decisions still equal the linear scan's.
@Suite struct FirewallInlineHeadTests {
    private static let now: Int64 = 1_700_000_000_000
    private static let host = IPv4Address(0xC633_6407)  // 198.51.100.7

    /// A rule filed under one of three keys around `host` (its exact address, its /24, its /16),
    /// so that each key holds many rules and decisions compare heads of different keys; the
    /// rules differ in ports, protocol, action and expiry.
    private static func hostRule(id: Int64, generator: inout SeededGenerator) -> FirewallRule {
        let proto = ProtocolMatch.allCases.randomElement(using: &generator)!
        let ports: [PortMatch] = [.any, .port(22), .port(80), .range(1000, 2000), .port(443)]
        let expiresAt: Int64? = Bool.random(using: &generator) ? nil : now + Int64.random(in: -1...1, using: &generator)
        let source: AddressMatch = [
            .host(host), .host(host), .network(IPv4CIDR(network: host, prefixLength: 24)),
            .network(IPv4CIDR(network: host, prefixLength: 16)),
        ].randomElement(using: &generator)!
        return FirewallRule(
            id: id, position: 0, source: source,
            destinationPort: proto == .icmp ? .any : ports.randomElement(using: &generator)!, proto: proto,
            action: RuleAction.allCases.randomElement(using: &generator)!, expiresAt: expiresAt, createdAt: 0)
    }

    private static func packets(generator: inout SeededGenerator) -> [FiveTuple] {
        (0..<120).map { _ in
            FiveTuple(
                source: Bool.random(using: &generator) ? host : IPv4Address(host.value ^ 1),
                destination: IPv4Address(UInt32.random(in: 0...UInt32.max, using: &generator)),
                sourcePort: 40_000, destinationPort: [22, 80, 443, 1500, 9].randomElement(using: &generator)!,
                proto: IPProtocol.allCases.randomElement(using: &generator)!)
        }
    }

    private func expectScanAgreement(
        _ ruleset: FirewallRuleset, _ model: [FirewallRule], _ packets: [FiveTuple], step: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(ruleset.rules().map(\.id) == model.map(\.id), "order after \(step)", sourceLocation: sourceLocation)
        let scan = LinearRuleScan(rules: model)
        for packet in packets {
            for now in [Self.now - 1, Self.now, Self.now + 1] {
                let expected = scan.decide(packet, now: now)
                let actual = ruleset.check(packet, now: now)
                guard actual == expected else {
                    Issue.record("after \(step): \(packet) at \(now): compiled \(actual), scan \(expected)")
                    return
                }
            }
        }
    }

    @Test func bucketsAreOneCacheLine() {
        #expect(MemoryLayout<CandidateBucket>.stride == 64)
    }

    @Test(arguments: 0..<12)
    func editsOfTheFirstRuleUnderAKeyDecideLikeTheScan(seed: UInt64) throws {
        var generator = SeededGenerator(seed: 31 + seed)
        var nextID: Int64 = 1
        func fresh() -> FirewallRule {
            defer { nextID += 1 }
            return Self.hostRule(id: nextID, generator: &generator)
        }
        let packets = Self.packets(generator: &generator)
        var model = (0..<6).map { _ in fresh() }
        var ruleset = try FirewallRuleset(rules: model)
        expectScanAgreement(ruleset, model, packets, step: "the bulk build")
        for step in 0..<300 {
            let first = model.first?.id
            switch Int.random(in: 0..<7, using: &generator) {
            case 0, 6:
                // A new first rule: the old head moves to the tail; at position 1 again and again,
                // order keys run out and get relabelled, heads included.
                let rule = fresh()
                try ruleset.insert(rule, at: 1)
                model.insert(rule, at: 0)
            case 1 where first != nil:
                // Deleting the head promotes the next rule into the bucket.
                ruleset.remove(id: first!)
                model.removeFirst()
            case 2 where model.count > 1:
                // Moving the head down, or another rule up to first place.
                let from = Bool.random(using: &generator) ? 0 : Int.random(in: 1..<model.count, using: &generator)
                let to = from == 0 ? Int.random(in: 2...model.count, using: &generator) : 1
                try ruleset.move(id: model[from].id, to: to)
                model.insert(model.remove(at: from), at: to - 1)
            case 3 where first != nil:
                // New fields for the head, same key: the inline copy must follow.
                var replacement = fresh()
                replacement.id = first!
                try ruleset.update(replacement)
                model[0] = replacement
            case 4 where first != nil:
                // The head moves to another key.
                var replacement = model[0]
                replacement.source = .network(IPv4CIDR(network: Self.host, prefixLength: 20))
                try ruleset.update(replacement)
                model[0] = replacement
            default:
                let rule = fresh()
                let position = Int.random(in: 1...model.count + 1, using: &generator)
                try ruleset.insert(rule, at: position)
                model.insert(rule, at: position - 1)
            }
            expectScanAgreement(ruleset, model, packets, step: "step \(step), seed \(seed)")
        }
    }

    /// Hits are counted apart from the records; updates keep them, deletes drop them, and a
    /// reused slot starts from the new rule's own count.
    @Test func hitCountsFollowTheirRulesThroughEdits() throws {
        let packet = FiveTuple(
            source: Self.host, destination: IPv4Address(0x0A00_0001), sourcePort: 40_000, destinationPort: 22,
            proto: .tcp)
        var ruleset = try FirewallRuleset(rules: [
            FirewallRule(id: 1, position: 0, source: .host(Self.host), action: .drop, createdAt: 0, hits: 5)
        ])
        #expect(ruleset.decide(packet, now: Self.now) == FirewallDecision(action: .drop, ruleID: 1))
        #expect(ruleset.decide(packet, now: Self.now).ruleID == 1)
        #expect(ruleset.takeChangedHitCounts() == [RuleHitCount(id: 1, hits: 7)])
        #expect(ruleset.takeChangedHitCounts().isEmpty)
        try ruleset.update(FirewallRule(id: 1, position: 0, source: .host(Self.host), action: .reject, createdAt: 0))
        #expect(ruleset.rule(id: 1)?.hits == 7)
        #expect(ruleset.decide(packet, now: Self.now) == FirewallDecision(action: .reject, ruleID: 1))
        ruleset.remove(id: 1)
        try ruleset.insert(FirewallRule(id: 2, position: 0, source: .host(Self.host), action: .accept, createdAt: 0))
        // The freed slot's pending count must not be reported for its new rule.
        #expect(ruleset.takeChangedHitCounts().isEmpty)
        #expect(ruleset.rule(id: 2)?.hits == 0)
        #expect(ruleset.decide(packet, now: Self.now) == FirewallDecision(action: .accept, ruleID: 2))
        #expect(ruleset.takeChangedHitCounts() == [RuleHitCount(id: 2, hits: 1)])
    }
}
