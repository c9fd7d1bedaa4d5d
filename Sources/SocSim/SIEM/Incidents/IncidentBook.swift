/// Incidents held in memory with the policy applied: alerts open or join incidents, the
/// containment check moves them on its own, and people change them through `update` (or, in
/// the daemon, which persists each incident before keeping it, `makeIncident` and `store`).
package struct IncidentBook: Sendable {
    package var policy: IncidentPolicy
    /// The scenario's clock, for alert times in timelines; the daemon follows the loaded scenario.
    package var clock: SimulationClock
    /// By id.
    package private(set) var incidents: [Incident]
    package private(set) var nextID: Int64

    /// A book holding `incidents` (loaded from the database, say); new ids continue after theirs.
    package init(
        policy: IncidentPolicy = IncidentPolicy(), clock: SimulationClock = .standard, incidents: [Incident] = []
    ) {
        self.policy = policy
        self.clock = clock
        self.incidents = incidents.sorted { $0.id < $1.id }
        nextID = (self.incidents.last?.id ?? 0) + 1
    }

    package func incident(id: Int64) -> Incident? { incidents.first { $0.id == id } }

    package var openIncidents: [Incident] { incidents.filter { !$0.status.isClosed } }

    /// Applies the policy to an alert change: opens an incident, links the alert to one, or
    /// raises one's severity. Returns the incident that changed, nil when none did (a repeat of
    /// an alert already linked, or an alert the policy ignores).
    @discardableResult
    package mutating func handle(_ change: AlertChange, at instant: SIEMInstant) -> Incident? {
        let alert = change.alert
        if let index = incidents.firstIndex(where: { $0.alertIDs.contains(alert.id) }) {
            // A fold of an alert already linked: only a severity rise matters.
            guard alert.severity > incidents[index].severity else { return nil }
            incidents[index].changeSeverity(to: alert.severity, by: nil, at: instant)
            return incidents[index]
        }
        switch policy.decide(alert, openIncidents: incidents) {
        case .ignore:
            return nil
        case .join(let id):
            guard let index = incidents.firstIndex(where: { $0.id == id }) else { return nil }
            incidents[index].linkAlert(alert, clock: clock, by: nil, at: instant)
            return incidents[index]
        case .open(let title, let description, let severity, let group):
            // The policy's title is never empty, so creation cannot fail.
            var incident = try! Incident(
                id: nextID, title: title, description: description, severity: severity, group: group, createdBy: nil,
                at: instant)
            if let address = group.source.address { incident.addObservable(.address(address), by: nil, at: instant) }
            if let mac = group.source.mac { incident.addObservable(.mac(mac), by: nil, at: instant) }
            incident.linkAlert(alert, clock: clock, by: nil, at: instant)
            store(incident)
            return incident
        }
    }

    /// Runs the policy's automatic moves (contained once the source is quiet and blocked, back
    /// to investigating when it resumes) against what `engine` has seen; returns the incidents
    /// that moved.
    package mutating func applyAutomaticMoves(engine: DetectionEngine, at instant: SIEMInstant) -> [Incident] {
        var moved: [Incident] = []
        for index in incidents.indices {
            guard let group = incidents[index].group, !incidents[index].status.isClosed else { continue }
            guard
                let target = policy.automaticMove(
                    for: incidents[index],
                    lastActivityTick: engine.lastActivityTick(of: group.detection, from: group.source),
                    lastBlockedTick: group.source.address.flatMap { engine.lastBlockedTick(of: $0) }, now: instant.tick)
            else { continue }
            let note =
                target == .contained
                ? "no activity from \(group.source) for \(policy.containmentQuietTicks) ticks"
                : "activity from \(group.source) resumed"
            do {
                try incidents[index].move(to: target, by: nil, at: instant, note: note)
                moved.append(incidents[index])
            } catch {
                // `automaticMove` proposes only moves the state machine allows: nothing to undo.
            }
        }
        return moved
    }

    /// A new incident under the next id, not yet kept: the daemon persists it, then `store`s it,
    /// so that a failed commit leaves the book as it was.
    package func makeIncident(
        title: String, description: String = "", severity: Severity, by actorUID: UInt32?, at instant: SIEMInstant
    ) throws(IncidentError) -> Incident {
        try Incident(
            id: nextID, title: title, description: description, severity: severity, createdBy: actorUID, at: instant)
    }

    /// `incidents.create`: `makeIncident` and `store` in one step.
    package mutating func create(
        title: String, description: String = "", severity: Severity, by actorUID: UInt32?, at instant: SIEMInstant
    ) throws(IncidentError) -> Incident {
        let incident = try makeIncident(
            title: title, description: description, severity: severity, by: actorUID, at: instant)
        store(incident)
        return incident
    }

    /// Keeps a new or changed incident, replacing the one with its id.
    package mutating func store(_ incident: Incident) {
        if let index = incidents.firstIndex(where: { $0.id == incident.id }) {
            incidents[index] = incident
        } else {
            let index = incidents.firstIndex { $0.id > incident.id } ?? incidents.endIndex
            incidents.insert(incident, at: index)
            nextID = max(nextID, incident.id + 1)
        }
    }

    /// Applies `change` to incident `id`, all or nothing.
    @discardableResult
    package mutating func update(
        id: Int64, _ change: (inout Incident) throws(IncidentError) -> Void
    )
        throws(IncidentError) -> Incident
    {
        guard var incident = incident(id: id) else { throw .notFound(id) }
        try change(&incident)
        store(incident)
        return incident
    }
}
