/// socd's firewall: the ordered rules, the default policy and the compiled matcher that decides
/// packets. First match in position order wins; expired rules never match; no match means the
/// default policy.
///
/// Every change is incremental (no recompiles): an insert, delete, move or update costs about
/// the same with a million rules as with ten, and a decision's cost depends on how many rules
/// share the packet's addresses and ports, not on the number of rules (see `RuleIndex`).
///
/// A value type with copy-on-write storage; it is not shared between threads by itself. Give it
/// one owner (an actor or a `Mutex`), and avoid keeping copies alive across mutations: the
/// first mutation of a shared copy duplicates every table.
package struct FirewallRuleset: Sendable {
    /// What packets no rule matches get.
    package var defaultPolicy: RuleAction

    /// Compiled fields and id, by slot. Slots are internal handles, reused after
    /// deletion; ids are the user-visible identity.
    var records: [CompiledRule] = []
    /// The fields the matcher does not need, by slot.
    var details: [RuleDetails] = []
    var freeSlots: [UInt32] = []
    var slotsByID: [Int64: UInt32] = [:]
    var order = RuleOrder()
    var index = RuleIndex()
    var hitCounters = HitCounters()

    struct RuleDetails: Sendable {
        var comment: String
        var createdAt: Int64
    }

    package init(defaultPolicy: RuleAction = .accept) {
        self.defaultPolicy = defaultPolicy
    }

    /// A rule set holding `rules` in the order given (their `position` fields are ignored), as
    /// inserting them one by one at the end would build it, but in one pass: see
    /// `FirewallRuleset+BulkBuild.swift`. How socd loads its stored rules at start.
    package init(rules: [FirewallRule], defaultPolicy: RuleAction = .accept) throws(FirewallRulesetError) {
        self.init(defaultPolicy: defaultPolicy)
        try buildInOnePass(from: rules)
    }

    package var count: Int { order.count }

    package var isEmpty: Bool { order.count == 0 }

    /// How many rules only a scan can find: those with ANY addresses and no single port. Each
    /// decision tests them all, so operators should keep this small.
    package var unindexedRuleCount: Int { index.unindexedCount }

    /// Bytes of the candidate table's buckets, which a decision reads at random: what decides
    /// whether a large rule set's decisions find their lines in cache (for benchmarks).
    package var candidateTableBytes: Int { index.table.bucketBytes }

    // MARK: Deciding packets

    /// Decides `packet` and counts a hit on the rule that decided it.
    /// - Parameter now: milliseconds since the epoch; rules with `expiresAt <= now` do not match.
    package mutating func decide(_ packet: FiveTuple, now: Int64) -> FirewallDecision {
        guard let match = index.firstMatch(packet, now: now, records: records) else {
            return FirewallDecision(action: defaultPolicy, ruleID: nil)
        }
        // The decision came from the index, without the rule's record; nor does counting.
        hitCounters.count(match.slot)
        return FirewallDecision(action: match.action, ruleID: match.id)
    }

    /// Decides `packet` without counting a hit: the dry run behind `rules.check`.
    package func check(_ packet: FiveTuple, now: Int64) -> FirewallDecision {
        guard let match = index.firstMatch(packet, now: now, records: records) else {
            return FirewallDecision(action: defaultPolicy, ruleID: nil)
        }
        return FirewallDecision(action: match.action, ruleID: match.id)
    }

    /// The counters that changed since the last call, for persisting them in one batch.
    package mutating func takeChangedHitCounts() -> [RuleHitCount] {
        var changed: [RuleHitCount] = []
        hitCounters.takeChanged { slot, hits in changed.append(RuleHitCount(id: records[Int(slot)].id, hits: hits)) }
        return changed
    }

    // MARK: Reading rules

    package func contains(id: Int64) -> Bool { slotsByID[id] != nil }

    /// The rule with `id`, with its current position and hit count.
    package func rule(id: Int64) -> FirewallRule? {
        guard let slot = slotsByID[id] else { return nil }
        return rule(inSlot: slot, position: position(ofSlot: slot))
    }

    /// 1-based position of the rule with `id`. O(log n).
    package func position(ofRule id: Int64) -> Int? {
        slotsByID[id].map(position(ofSlot:))
    }

    package func rule(atPosition position: Int) -> FirewallRule? {
        guard position >= 1 && position <= count else { return nil }
        return rule(inSlot: order.slot(at: position - 1), position: position)
    }

    /// Up to `limit` rules in evaluation order, starting at `position` (1-based): a page of
    /// `rules.list`.
    package func rules(fromPosition position: Int = 1, limit: Int = .max) -> [FirewallRule] {
        var page: [FirewallRule] = []
        forEachRule(fromPosition: position) { rule in
            guard page.count < limit else { return false }
            page.append(rule)
            return true
        }
        return page
    }

    /// Calls `body` with each rule in evaluation order from `position` until it returns false.
    package func forEachRule(fromPosition position: Int = 1, _ body: (FirewallRule) throws -> Bool) rethrows {
        var next = max(position, 1)
        try order.forEachSlot(from: next - 1) { slot in
            defer { next += 1 }
            return try body(rule(inSlot: slot, position: next))
        }
    }

    /// Ids of the rules with exactly this match and action, in position order: how `rules.add`
    /// finds the rule to extend and how delete-by-fields finds its targets. One index probe.
    package func ruleIDs(matching key: RuleMatchKey) -> [Int64] {
        let probe = CompiledRule(
            FirewallRule(
                id: 0, position: 0, source: key.source, destination: key.destination, sourcePort: key.sourcePort,
                destinationPort: key.destinationPort, proto: key.proto, action: key.action, createdAt: 0),
            orderKey: 0)
        return index.slots(withSameMatchAs: probe, records: records).map { records[Int($0)].id }
    }

    func position(ofSlot slot: UInt32) -> Int {
        order.index(ofKey: records[Int(slot)].orderKey)! + 1
    }

    func rule(inSlot slot: UInt32, position: Int) -> FirewallRule {
        let details = details[Int(slot)]
        return records[Int(slot)].rule(
            position: position, comment: details.comment, createdAt: details.createdAt,
            hits: hitCounters.hits(slot))
    }
}
