import SocSim

/// What `SecurityService` guards with its mutex: the SIEM pipeline, the alerts and incidents
/// socd knows, and where the pipeline is in the simulation's logs.
struct SecurityState: Sendable {
    /// Alerts kept in memory (the newest; older ones stay in the database).
    static let alertCapacity = 10_000

    var monitor: SecurityMonitor
    var cursor = LogStoreCursor()
    /// The simulation's log epoch the cursor reads; another epoch (a load or reset) starts over.
    var logEpoch: Int?
    /// The loaded scenario's clock; the incident book stamps alert times in timelines with it.
    var clock: SimulationClock {
        get { incidents.clock }
        set { incidents.clock = newValue }
    }
    /// The next tick the simulation will simulate, as of the last batch.
    var tick: Int64 = 0
    /// Sorted by id.
    var alerts: [Alert]
    var incidents: IncidentBook
    var indicatorIDs: [IndicatorKey: Int64] = [:]
    /// (tick, wall-clock ms) at each batch, for mapping a period in ticks to wall time.
    var tickTimes: [(tick: Int64, wallMilliseconds: Int64)] = []

    var now: SIEMInstant { SIEMInstant(tick: tick, epochMilliseconds: clock.epochMilliseconds(atTick: tick)) }

    func alertIndex(_ id: Int64) -> Int? {
        var low = 0
        var high = alerts.count
        while low < high {
            let middle = (low + high) / 2
            if alerts[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < alerts.count && alerts[low].id == id ? low : nil
    }

    /// Inserts or replaces `alert`, keeping at most `alertCapacity`.
    mutating func remember(_ alert: Alert) {
        if let index = alertIndex(alert.id) {
            // A fold keeps an acknowledgement made here (the book may not know alerts from before a restart).
            var updated = alert
            if alerts[index].status == .acknowledged {
                updated.status = .acknowledged
                updated.acknowledgedBy = alerts[index].acknowledgedBy
            }
            alerts[index] = updated
        } else {
            alerts.append(alert)
            if alerts.count > Self.alertCapacity { alerts.removeFirst(alerts.count - Self.alertCapacity) }
        }
    }

    /// A fresh pipeline with the current settings, intel and alert numbering: after the
    /// simulation was replaced, whose ticks start again from its own beginning.
    mutating func restartPipeline(inventory: DeviceInventory) {
        let old = monitor
        var fresh = SecurityMonitor(
            retention: old.store.capacity, inventory: inventory, settings: old.engine.settings,
            alerts: AlertBook(nextID: old.alerts.nextID), firstSequence: old.normalizer.nextSequence)
        let indicators = old.engine.intel
        fresh.engine.updateIntel { $0 = indicators }
        monitor = fresh
        cursor = LogStoreCursor()
    }
}
