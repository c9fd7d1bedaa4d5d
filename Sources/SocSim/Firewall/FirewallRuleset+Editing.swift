extension FirewallRuleset {
    /// Adds `rule` at `position` (1...count+1; nil appends) and returns it as stored, with its
    /// position. The rule's `position` field is ignored; its `hits` are kept (for loading).
    @discardableResult
    package mutating func insert(
        _ rule: FirewallRule, at position: Int? = nil
    ) throws(FirewallRulesetError)
        -> FirewallRule
    {
        guard slotsByID[rule.id] == nil else { throw .duplicateID(rule.id) }
        let target = position ?? count + 1
        guard target >= 1 && target <= count + 1 else { throw .positionOutOfRange(target, valid: 1...count + 1) }
        do {
            try rule.matchKey.checkPortsAgreeWithProtocol()
        } catch {
            throw .invalidRule(rule.id, error)
        }
        let slot = allocateSlot(for: rule)
        place(slot, at: target - 1)
        return self.rule(inSlot: slot, position: target)
    }

    /// Replaces every rule with `rules`, in the order given; all or nothing. The fast path for
    /// loading the stored rule set at start: see `init(rules:defaultPolicy:)`.
    package mutating func replaceAll(with rules: [FirewallRule]) throws(FirewallRulesetError) {
        self = try FirewallRuleset(rules: rules, defaultPolicy: defaultPolicy)
    }

    /// Deletes the rule with `id`; the rules after it move up one position.
    @discardableResult
    package mutating func remove(id: Int64) -> FirewallRule? {
        guard let slot = slotsByID.removeValue(forKey: id) else { return nil }
        let position = position(ofSlot: slot)
        let removed = rule(inSlot: slot, position: position)
        unplace(slot, at: position - 1)
        records[Int(slot)] = .vacant
        hitCounters.reset(slot, to: 0)
        details[Int(slot)] = RuleDetails(comment: "", createdAt: 0)
        freeSlots.append(slot)
        return removed
    }

    /// Moves the rule with `id` to `position` (1...count); the rules between shift by one.
    @discardableResult
    package mutating func move(id: Int64, to position: Int) throws(FirewallRulesetError) -> FirewallRule {
        guard let slot = slotsByID[id] else { throw .unknownID(id) }
        guard position >= 1 && position <= count else { throw .positionOutOfRange(position, valid: 1...max(count, 1)) }
        let current = self.position(ofSlot: slot)
        if current != position {
            unplace(slot, at: current - 1)
            place(slot, at: position - 1)
        }
        return rule(inSlot: slot, position: position)
    }

    /// Replaces the fields of the rule with `rule.id`, keeping its position and hit counter.
    @discardableResult
    package mutating func update(_ rule: FirewallRule) throws(FirewallRulesetError) -> FirewallRule {
        guard let slot = slotsByID[rule.id] else { throw .unknownID(rule.id) }
        do {
            try rule.matchKey.checkPortsAgreeWithProtocol()
        } catch {
            throw .invalidRule(rule.id, error)
        }
        let old = records[Int(slot)]
        index.remove(slot) { records[Int($0)] }
        // The hit counter (in `hitCounters`) stays as it is.
        records[Int(slot)] = CompiledRule(rule, orderKey: old.orderKey)
        details[Int(slot)] = RuleDetails(comment: rule.comment, createdAt: rule.createdAt)
        index.insert(slot) { records[Int($0)] }
        return self.rule(inSlot: slot, position: position(ofSlot: slot))
    }

    /// Deletes every rule that has expired by `now` and returns them, in position order.
    package mutating func removeExpired(now: Int64) -> [FirewallRule] {
        var expired: [Int64] = []
        order.forEachSlot { slot in
            if records[Int(slot)].expiresAt <= now { expired.append(records[Int(slot)].id) }
            return true
        }
        return expired.compactMap { remove(id: $0) }
    }

    /// Deletes every rule; the default policy stays.
    package mutating func removeAll() {
        records = []
        details = []
        freeSlots = []
        slotsByID = [:]
        order.removeAll()
        index.removeAll()
        hitCounters.removeAll()
    }

    private mutating func allocateSlot(for rule: FirewallRule) -> UInt32 {
        let record = CompiledRule(rule, orderKey: 0)
        let details = RuleDetails(comment: rule.comment, createdAt: rule.createdAt)
        let slot: UInt32
        if let free = freeSlots.popLast() {
            slot = free
            records[Int(slot)] = record
            self.details[Int(slot)] = details
        } else {
            precondition(records.count < Int(CandidateList.noSlot), "too many rules for 32-bit slots")
            slot = UInt32(records.count)
            records.append(record)
            self.details.append(details)
        }
        hitCounters.reset(slot, to: rule.hits)
        slotsByID[rule.id] = slot
        return slot
    }

    /// Puts `slot` into evaluation order at list index `orderIndex` and files it in the index.
    private mutating func place(_ slot: UInt32, at orderIndex: Int) {
        let (key, relabels) = order.insert(slot, at: orderIndex)
        // Relabelling keeps relative order, so the candidate lists stay sorted as they are.
        // The index keeps an inline copy of each key's head rule, order key included.
        for relabel in relabels {
            records[Int(relabel.slot)].orderKey = relabel.key
            index.orderKeyChanged(relabel.slot, record: records[Int(relabel.slot)])
        }
        records[Int(slot)].orderKey = key
        index.insert(slot) { records[Int($0)] }
    }

    /// Takes `slot` out of the index and out of evaluation order (list index `orderIndex`).
    private mutating func unplace(_ slot: UInt32, at orderIndex: Int) {
        index.remove(slot) { records[Int($0)] }
        order.remove(at: orderIndex)
    }
}
