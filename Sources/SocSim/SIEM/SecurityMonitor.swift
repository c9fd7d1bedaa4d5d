/// The SIEM's pipeline in one value: records in, normalized and retained, run through every
/// detection, hits folded into alerts. The daemon owns one (on the actor that steps the
/// simulation) and feeds it what `LogStoreCursor` reads after each tick.
package struct SecurityMonitor: Sendable {
    package private(set) var normalizer: EventNormalizer
    package private(set) var store: SecurityEventStore
    package var engine: DetectionEngine
    package var alerts: AlertBook
    private var hits: [DetectionHit] = []

    package init(
        retention: Int = 1_000_000, inventory: DeviceInventory = DeviceInventory(),
        settings: [DetectionKind: DetectionSettings] = [:], alerts: AlertBook = AlertBook(), firstSequence: UInt64 = 1
    ) {
        normalizer = EventNormalizer(firstSequence: firstSequence)
        store = SecurityEventStore(capacity: retention)
        engine = DetectionEngine(inventory: inventory, settings: settings)
        self.alerts = alerts
    }

    package var symbols: SymbolTable { normalizer.symbols }

    /// Normalizes, retains and inspects `record`; appends what happened to alerts to `changes`.
    package mutating func ingest(_ record: LogRecord, changes: inout [AlertChange]) {
        let event = normalizer.normalize(record)
        store.append(event)
        engine.ingest(event, symbols: normalizer.symbols, hits: &hits)
        guard !hits.isEmpty else { return }
        for hit in hits { changes.append(alerts.record(hit, symbols: normalizer.symbols)) }
        hits.removeAll(keepingCapacity: true)
    }

    /// `ingest(_:changes:)` for each record, in order.
    package mutating func ingest(_ records: [LogRecord]) -> [AlertChange] {
        var changes: [AlertChange] = []
        for record in records { ingest(record, changes: &changes) }
        return changes
    }
}
