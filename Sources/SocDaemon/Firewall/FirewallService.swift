import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim
import SocStore
import Synchronization

/// The firewall socd runs: the compiled rule set every simulated packet crosses, kept in step
/// with the `firewall_rules` table.
///
/// Concurrency: the rule set lives behind one mutex. Changes run on the store's writer thread
/// inside the group-commit transaction (see `FirewallService+Changes.swift`): they first write
/// the database, then update the rule set, so that later jobs of the same transaction see them;
/// if the transaction then fails to commit, `reload()` restores the rule set from the database.
/// Decisions take the mutex for the length of one lookup.
package final class FirewallService: Sendable {
    package static let policySettingKey = "firewall.policy"

    let ruleset: Mutex<FirewallRuleset>
    let store: Store
    let events: EventBus
    let logger: Logger

    /// Loads the stored rules, leaving out those that expired while socd was down (they are
    /// purged by the first maintenance pass). Reads only, so a read-only store still starts.
    package init(store: Store, events: EventBus, logger: Logger) throws {
        self.store = store
        self.events = events
        self.logger = logger
        let started = MonotonicClock.now
        let loaded = try Self.load(from: store, now: WallClock.nowMilliseconds)
        logger.debug("loaded \(loaded.count) firewall rule(s) in \((MonotonicClock.now - started) / 1_000_000) ms")
        ruleset = Mutex(loaded)
    }

    private static func load(from store: Store, now: Int64) throws -> FirewallRuleset {
        try store.read { db in try load(in: db, now: now) }
    }

    /// The rule set `db` holds, as that connection sees it (inside its transaction, if any).
    static func load(in db: Database, now: Int64) throws -> FirewallRuleset {
        let policyText = try SettingsTable.value(for: policySettingKey, in: db)
        let policy = policyText.flatMap(RuleAction.init(rawValue:)) ?? .accept
        return try FirewallRuleTable.loadRuleset(in: db, defaultPolicy: policy, excludingExpiredAt: now)
    }

    /// Replaces the in-memory rules with what the database holds: after a transaction that
    /// changed them failed to commit. Hits counted since the last save are kept.
    package func reload() {
        do {
            var fresh = try Self.load(from: store, now: WallClock.nowMilliseconds)
            ruleset.withLock { current in
                fresh.adoptHitCounts(from: current)
                current = fresh
            }
            logger.warning("firewall rules reloaded from the database after a failed commit")
        } catch {
            logger.error("cannot reload the firewall rules after a failed commit: \(error)")
        }
    }

    // MARK: - Decisions

    /// Decides a packet and counts the hit: the path every simulated packet takes.
    package func decide(_ packet: FiveTuple, now: Int64) -> FirewallDecision {
        ruleset.withLock { $0.decide(packet, now: now) }
    }

    /// Decides `packets` in order under one lock, appending a decision per packet to
    /// `decisions` and counting each hit: what `decide(_:now:)` on each gives, for one lock
    /// instead of one per packet and the batched matcher's overlapped cache misses.
    package func decide(_ packets: [FiveTuple], now: Int64, into decisions: inout [FirewallDecision]) {
        ruleset.withLock { $0.decide(packets, now: now, into: &decisions) }
    }

    /// Decides a packet without counting it, and the rule that decided (nil: the default
    /// policy): `rules.check`. Both are read under one lock, so a rule deleted meanwhile cannot
    /// leave a verdict without the rule that gave it.
    package func check(_ packet: FiveTuple, now: Int64) -> (decision: FirewallDecision, rule: FirewallRule?) {
        ruleset.withLock { ruleset in
            let decision = ruleset.check(packet, now: now)
            return (decision, decision.ruleID.flatMap { ruleset.rule(id: $0) })
        }
    }

    // MARK: - Reading

    package var policy: RuleAction { ruleset.withLock { $0.defaultPolicy } }

    package var count: Int { ruleset.withLock { $0.count } }

    package func rule(id: Int64) -> FirewallRule? { ruleset.withLock { $0.rule(id: id) } }

    /// Rules in position order that pass `filter`, after skipping `offset` of them; and how
    /// many pass in all.
    package func rules(
        matching filter: RuleFilter, offset: Int, limit: Int
    ) -> (rules: [FirewallRule], total: Int, policy: RuleAction) {
        ruleset.withLock { ruleset in
            var page: [FirewallRule] = []
            var total = 0
            ruleset.forEachRule { rule in
                if filter.accepts(rule) {
                    if total >= offset && page.count < limit { page.append(rule) }
                    total += 1
                }
                return true
            }
            return (page, total, ruleset.defaultPolicy)
        }
    }

    package func allRules() -> (rules: [FirewallRule], policy: RuleAction) {
        ruleset.withLock { ($0.rules(), $0.defaultPolicy) }
    }

    // MARK: - Maintenance

    /// Deletes rules that have expired, durably, and tells `rules` subscribers. Called about
    /// once a second; does nothing when nothing expired. With `includingStored` (the first pass
    /// after start) it also deletes rules that expired while socd was down, which were never
    /// loaded.
    package func purgeExpired(now: Int64, includingStored: Bool = false) {
        guard !store.isReadOnly else { return }
        let due = ruleset.withLock { ruleset in
            var ids: [Int64] = []
            ruleset.forEachRule { rule in
                if rule.isExpired(now: now) { ids.append(rule.id) }
                return true
            }
            return ids
        }
        guard !due.isEmpty || includingStored else { return }
        store.submit({ [self] db -> [Int64] in
            try withRules(in: db) { ruleset in
                // Decided again here, on the writer thread: a change queued before this job may
                // have extended or deleted a rule since `due` was read.
                let still = due.filter { ruleset.rule(id: $0)?.isExpired(now: now) ?? false }
                try FirewallRuleTable.delete(ids: still, in: db)
                let offline = includingStored ? try FirewallRuleTable.deleteExpired(now: now, in: db) : []
                for id in still { ruleset.remove(id: id) }
                return still + offline.filter { !still.contains($0) }
            }
        }) { [events, logger] result in
            switch result {
            case .success(let ids) where !ids.isEmpty:
                logger.info("expired \(ids.count) firewall rule(s)")
                events.publish(.rules, ["event": "expired", "ids": .array(ids.map { .int(Int($0)) })])
            case .success:
                break
            case .failure(let error):
                logger.warning("cannot purge expired firewall rules: \(error)")
            }
        }
    }

    /// Persists hit counters that changed since the last call. Asynchronous unless `wait`.
    package func saveHitCounters(wait: Bool = false) {
        let counts = ruleset.withLock { $0.takeChangedHitCounts() }
        guard !counts.isEmpty else { return }
        let work: @Sendable (Database) throws -> Void = { db in try FirewallRuleTable.saveHits(counts, in: db) }
        // A failed save leaves the counts marked unsaved in memory, for the next save to retry.
        let failed: @Sendable (any Error) -> Void = { [self] error in
            ruleset.withLock { $0.markHitCountsUnsaved(counts) }
            logger.warning("cannot save rule hit counters: \(error)")
        }
        if wait {
            do { try store.write(work) } catch { failed(error) }
        } else {
            store.submit(work) { result in
                if case .failure(let error) = result { failed(error) }
            }
        }
    }
}
