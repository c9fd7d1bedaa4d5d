import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim
import SocStore

/// Threat intelligence: indicators kept in `intel_indicators` and in the detection engine's
/// index, which the intel detection matches every event against.
extension SecurityService {
    /// Saves `indicators` (replacing those with the same kind and value), then indexes them.
    func addIndicators(_ indicators: [Indicator], in db: Database) throws -> [(Int64, Indicator)] {
        var saved: [(Int64, Indicator)] = []
        saved.reserveCapacity(indicators.count)
        try db.savepoint {
            for indicator in indicators { saved.append((try IntelTable.save(indicator, in: db), indicator)) }
        }
        state.withLock { state in
            // In place: a copy of the index would duplicate every table it holds.
            state.monitor.engine.updateIntel { index in
                for (_, indicator) in saved { index.insert(indicator) }
            }
            for (id, indicator) in saved { state.indicatorIDs[indicator.key] = id }
        }
        return saved
    }

    func deleteIndicator(id: Int64, in db: Database) throws -> (Int64, Indicator) {
        guard let key = state.withLock({ state in state.indicatorIDs.first { $0.value == id }?.key }) else {
            throw Self.noSuchIndicator(id)
        }
        try IntelTable.delete(id: id, in: db)
        return try state.withLock { state in
            guard let removed = state.monitor.engine.updateIntel({ $0.remove(key) }) else {
                throw Self.noSuchIndicator(id)
            }
            state.indicatorIDs[key] = nil
            return (id, removed)
        }
    }

    /// Indicators by id, with a kind filter.
    func indicators(kind: IndicatorKind?) -> [(Int64, Indicator)] {
        state.withLock { state in
            let index = state.monitor.engine.intel
            return state.indicatorIDs.compactMap { key, id -> (Int64, Indicator)? in
                guard kind.map({ $0 == key.kind }) ?? true, let indicator = index.indicator(key) else { return nil }
                return (id, indicator)
            }.sorted { $0.0 < $1.0 }
        }
    }

    func check(_ value: String) -> (Int64, Indicator)? {
        state.withLock { state in
            guard let indicator = state.monitor.engine.intel.check(value, nowMilliseconds: WallClock.nowMilliseconds)
            else { return nil }
            return (state.indicatorIDs[indicator.key] ?? 0, indicator)
        }
    }

    /// Puts the index back as the database holds it, after a failed commit.
    func reloadIntel() {
        do {
            let stored = try store.read { db in try IntelTable.loadAll(in: db) }
            state.withLock { state in
                var index = ThreatIntelIndex()
                var ids: [IndicatorKey: Int64] = [:]
                for (id, indicator) in stored {
                    index.insert(indicator)
                    ids[indicator.key] = id
                }
                state.monitor.engine.updateIntel { $0 = index }
                state.indicatorIDs = ids
            }
        } catch {
            logger.error("cannot reload the threat-intel indicators after a failed commit: \(error)")
        }
    }

    static func noSuchIndicator(_ id: Int64) -> RPCError {
        .notFound("no indicator \(id)", ["id": .int(Int(id))])
    }
}

extension Indicator {
    func info(id: Int64) -> IndicatorInfo {
        IndicatorInfo(
            id: Int(id), type: kind.rawValue, value: value, source: source, confidence: confidence, tags: tags,
            expiresAt: expiresAtMilliseconds.map { ISO8601.format(milliseconds: $0) })
    }
}

extension SecurityService {
    /// Deletes indicators whose expiry has passed, durably (they stopped matching at once; this
    /// keeps `intel.list` and the table to what still counts). Called by the maintenance pass.
    package func purgeExpiredIndicators(now: Int64) {
        guard !store.isReadOnly else { return }
        let due = state.withLock { state in
            state.monitor.engine.intel.all.filter { $0.isExpired(atMilliseconds: now) }.compactMap {
                state.indicatorIDs[$0.key]
            }
        }
        guard !due.isEmpty else { return }
        store.submit({ [self] db -> Int in
            for id in due { try IntelTable.delete(id: id, in: db) }
            return state.withLock { state in
                let keys = state.indicatorIDs.filter { due.contains($0.value) }.map(\.key)
                let removed = state.monitor.engine.updateIntel { index in
                    keys.reduce(0) { count, key in count + (index.remove(key) != nil ? 1 : 0) }
                }
                for key in keys { state.indicatorIDs[key] = nil }
                return removed
            }
        }) { [logger] result in
            switch result {
            case .success(let removed): logger.info("expired \(removed) threat-intel indicator(s)")
            case .failure(let error): logger.warning("cannot purge expired indicators: \(error)")
            }
        }
    }
}
