import JSONRPC
import SocPOSIX
import SocProtocol
import SocSim
import SocStore
import Synchronization

/// socd's SIEM: fed every record the simulation's data sources write, it normalizes and
/// retains them, runs the detections, folds hits into alerts, opens and moves incidents by the
/// incident policy, and keeps alerts, incidents, hunts, indicators and detection settings in
/// the database.
///
/// Concurrency: everything lives behind one mutex (`state`). The simulation calls
/// `simulationAdvanced` with its own lock held, so the SIEM sees batches in tick order; lock
/// order is the simulation's mutex, then this one, and code holding this one takes no other
/// service's lock. What the pipeline produces is persisted by asynchronous writer jobs that
/// read the current in-memory value when they run, so a job queued earlier never overwrites a
/// later change, and whose `alerts`/`incidents` events are published once the job committed;
/// changes people make run inside their request's transaction (database first, then memory),
/// as the firewall's do.
package final class SecurityService: Sendable {
    static let detectionSettingPrefix = "siem.detection."

    let state: Mutex<SecurityState>
    let store: Store
    let events: EventBus
    let logger: Logger

    /// Loads the stored detection settings, indicators, the newest alerts and every incident.
    package init(
        store: Store, events: EventBus, logger: Logger, retention: Int = 200_000,
        policy: IncidentPolicy = IncidentPolicy()
    ) throws {
        self.store = store
        self.events = events
        self.logger = logger
        let loaded = try store.read { db in
            var settings: [DetectionKind: DetectionSettings] = [:]
            for kind in DetectionKind.allCases {
                if let text = try SettingsTable.value(for: Self.detectionSettingPrefix + kind.rawValue, in: db) {
                    settings[kind] = try DocumentCodec.decode(DetectionSettings.self, from: text)
                }
            }
            return (
                settings, try AlertTable.loadNewest(SecurityState.alertCapacity, in: db),
                try AlertTable.maximumID(in: db), try IncidentTable.loadAll(in: db), try IntelTable.loadAll(in: db)
            )
        }
        let (settings, alerts, maximumAlertID, incidents, indicators) = loaded
        var monitor = SecurityMonitor(
            retention: retention, settings: settings, alerts: AlertBook(nextID: maximumAlertID + 1))
        var index = ThreatIntelIndex()
        var ids: [IndicatorKey: Int64] = [:]
        for (id, indicator) in indicators {
            index.insert(indicator)
            ids[indicator.key] = id
        }
        monitor.engine.updateIntel { $0 = index }
        var initial = SecurityState(
            monitor: monitor, alerts: alerts, incidents: IncidentBook(policy: policy, incidents: incidents))
        initial.indicatorIDs = ids
        state = Mutex(initial)
    }

    // MARK: - Feeding

    /// Reads what the data sources wrote since the last call and runs it through the SIEM.
    /// Called by the simulation with its lock held. The alerts and incidents that changed are
    /// saved through the writer, and their `alerts`/`incidents` events published once saved, so
    /// that a subscriber never hears of an alert a crash could take back.
    func simulationAdvanced(_ simulation: Simulation, logEpoch: Int) {
        let wallNow = WallClock.nowMilliseconds
        let (alertChanges, incidentChanges) = state.withLock { state -> ([AlertChange], [(String, Incident)]) in
            if state.logEpoch != logEpoch {
                if state.logEpoch != nil {
                    state.restartPipeline(inventory: DeviceInventory(topology: simulation.topology))
                } else {
                    state.monitor.engine.inventory = DeviceInventory(topology: simulation.topology)
                }
                state.logEpoch = logEpoch
            }
            state.clock = simulation.configuration.clock
            state.tick = simulation.tick
            state.tickTimes.append((simulation.tick, wallNow))
            if state.tickTimes.count > 20_000 { state.tickTimes.removeFirst(10_000) }
            state.monitor.engine.intelExpiryClockMilliseconds = wallNow
            let records = state.cursor.readNew(from: simulation.logs)
            let changes = state.monitor.ingest(records)
            let instant = state.now
            var incidentChanges: [(String, Incident)] = []
            for change in changes {
                state.remember(change.alert)
                let before = state.incidents.nextID
                if let incident = state.incidents.handle(change, at: instant) {
                    incidentChanges.append((incident.id >= before ? "opened" : "updated", incident))
                }
            }
            for incident in state.incidents.applyAutomaticMoves(engine: state.monitor.engine, at: instant) {
                incidentChanges.append(("updated", incident))
            }
            return (changes, incidentChanges)
        }
        guard !alertChanges.isEmpty || !incidentChanges.isEmpty else { return }
        var produced: [SimulationEvent] = []
        if events.hasSubscribers(.alerts) {
            for change in alertChanges {
                let event = if case .opened = change { "raised" } else { "updated" }
                produced.append(SimulationEvent(.alerts, ["event": .string(event), "alert": change.alert.info.json]))
            }
        }
        if events.hasSubscribers(.incidents) {
            for (event, incident) in incidentChanges {
                produced.append(
                    SimulationEvent(
                        .incidents, ["event": .string(event), "incident": incident.info(timeline: false).json]))
            }
        }
        persist(
            alertIDs: Set(alertChanges.map(\.alert.id)), incidentIDs: Set(incidentChanges.map(\.1.id)),
            thenPublish: produced)
    }

    /// Saves the current state of these alerts and incidents through the writer, then publishes
    /// `events` (nothing when the save failed; at once when the store is read-only, where
    /// nothing can be saved).
    private func persist(alertIDs: Set<Int64>, incidentIDs: Set<Int64>, thenPublish events: [SimulationEvent]) {
        let bus = self.events
        guard !store.isReadOnly else {
            for event in events { bus.publish(event.topic, event.data) }
            return
        }
        store.submit({ [self] db in
            // Read now, on the writer: whatever changed since the job was queued is saved too.
            let (alerts, incidents) = state.withLock { state in
                (
                    alertIDs.compactMap { id in state.alertIndex(id).map { state.alerts[$0] } },
                    incidentIDs.compactMap { state.incidents.incident(id: $0) }
                )
            }
            for alert in alerts { try AlertTable.save(alert, in: db) }
            for incident in incidents { try IncidentTable.save(incident, in: db) }
        }) { [logger] result in
            switch result {
            case .success: for event in events { bus.publish(event.topic, event.data) }
            case .failure(let error): logger.warning("cannot save SIEM alerts and incidents: \(error)")
            }
        }
    }

    /// Puts back what the database holds after a change whose transaction did not commit.
    package func reload() {
        do {
            let (alerts, incidents) = try store.read { db in
                (try AlertTable.loadNewest(SecurityState.alertCapacity, in: db), try IncidentTable.loadAll(in: db))
            }
            state.withLock { state in
                state.alerts = alerts
                state.incidents = IncidentBook(
                    policy: state.incidents.policy, clock: state.incidents.clock, incidents: incidents)
            }
            logger.warning("SIEM alerts and incidents reloaded from the database after a failed commit")
        } catch {
            logger.error("cannot reload SIEM state after a failed commit: \(error)")
        }
    }

    // MARK: - Reading

    package func alerts(sinceTick: Int64?, minimumSeverity: Severity?, status: Alert.Status?, limit: Int) -> [Alert] {
        state.withLock { state in
            var result: [Alert] = []
            for alert in state.alerts.reversed() {
                if result.count >= limit { break }
                if let sinceTick, alert.lastTick < sinceTick { continue }
                if let minimumSeverity, alert.severity < minimumSeverity { continue }
                if let status, alert.status != status { continue }
                result.append(alert)
            }
            return result
        }
    }

    /// An alert from memory, or from the database when it has left memory.
    package func alert(id: Int64) throws -> Alert? {
        if let alert = state.withLock({ state in state.alertIndex(id).map { state.alerts[$0] } }) { return alert }
        return try store.read { db in try AlertTable.load(id: id, in: db) }
    }

    package func incident(id: Int64) -> Incident? { state.withLock { $0.incidents.incident(id: id) } }

    package var incidents: [Incident] { state.withLock { $0.incidents.incidents } }

    package var detectionSettings: [DetectionKind: DetectionSettings] { state.withLock { $0.monitor.engine.settings } }

    /// The simulation tick the SIEM has seen up to.
    package var currentTick: Int64 { state.withLock { $0.tick } }

    static func noSuchAlert(_ id: Int64) -> RPCError { .notFound("no alert \(id)", ["id": .int(Int(id))]) }
    static func noSuchIncident(_ id: Int64) -> RPCError { .notFound("no incident \(id)", ["id": .int(Int(id))]) }
}
