extension FirewallRuleset {
    /// Marks these rules' hit counts as not saved, so that the next `takeChangedHitCounts`
    /// reports them again: a save of them failed. A rule deleted since is skipped; one that
    /// counted more hits meanwhile keeps its higher count.
    package mutating func markHitCountsUnsaved(_ counts: [RuleHitCount]) {
        for count in counts {
            guard let slot = slotsByID[count.id] else { continue }
            hitCounters.restore(slot, to: max(hitCounters.hits(slot), count.hits))
        }
    }

    /// Carries over the hit counts of `previous`, the in-memory rule set a reload from the
    /// database replaces, to the rules with the same ids where they are higher than the stored
    /// ones, marked unsaved: hits counted but not yet saved survive the reload.
    package mutating func adoptHitCounts(from previous: FirewallRuleset) {
        for (id, previousSlot) in previous.slotsByID {
            guard let slot = slotsByID[id] else { continue }
            let counted = previous.hitCounters.hits(previousSlot)
            if counted > hitCounters.hits(slot) { hitCounters.restore(slot, to: counted) }
        }
    }
}
