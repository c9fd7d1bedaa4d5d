/// Incidents held in memory with the policy applied: alerts open or join incidents, the
/// containment check moves them on its own, and people change them through `update`. The daemon
/// keeps the persisted copy; this is the pure model it (and the tests) drive.
package struct IncidentBook: Sendable {
    package var policy: IncidentPolicy
    package let clock: SimulationClock
    package private(set) var incidents: [Incident] = []
    package private(set) var nextID: Int64

    package init(policy: IncidentPolicy = IncidentPolicy(), clock: SimulationClock = .standard, nextID: Int64 = 1) {
        self.policy = policy
        self.clock = clock
        self.nextID = nextID
    }

    package func incident(id: Int64) -> Incident? { incidents.first { $0.id == id } }

    package var openIncidents: [Incident] { incidents.filter { !$0.status.isClosed } }

    /// Applies the policy to an alert change; returns the incident opened or joined, if any.
    @discardableResult
    package mutating func handle(_ change: AlertChange, at instant: SIEMInstant) -> Incident? {
        let alert = change.alert
        if let index = incidents.firstIndex(where: { $0.alertIDs.contains(alert.id) }) {
            // A fold of an alert already linked: only a severity rise matters.
            if alert.severity > incidents[index].severity {
                incidents[index].changeSeverity(to: alert.severity, by: nil, at: instant)
            }
            return incidents[index]
        }
        switch policy.decide(alert, openIncidents: incidents) {
        case .ignore:
            return nil
        case .join(let id):
            let index = incidents.firstIndex { $0.id == id }!
            incidents[index].linkAlert(alert, clock: clock, by: nil, at: instant)
            return incidents[index]
        case .open(let title, let description, let severity, let group):
            // The policy's title is never empty, so creation cannot fail.
            var incident = try! Incident(
                id: nextID, title: title, description: description, severity: severity, group: group, createdBy: nil,
                at: instant)
            nextID += 1
            if let address = group.source.address { incident.addObservable(.address(address), by: nil, at: instant) }
            if let mac = group.source.mac { incident.addObservable(.mac(mac), by: nil, at: instant) }
            incident.linkAlert(alert, clock: clock, by: nil, at: instant)
            incidents.append(incident)
            return incident
        }
    }

    /// Runs the policy's automatic moves against what `engine` has seen; returns the incidents
    /// that moved.
    package mutating func applyAutomaticMoves(engine: DetectionEngine, at instant: SIEMInstant) -> [Incident] {
        var moved: [Incident] = []
        for index in incidents.indices {
            guard let group = incidents[index].group, !incidents[index].status.isClosed else { continue }
            let target = policy.automaticMove(
                for: incidents[index],
                lastActivityTick: engine.lastActivityTick(of: group.detection, from: group.source),
                lastBlockedTick: group.source.address.flatMap { engine.lastBlockedTick(of: $0) }, now: instant.tick)
            guard let target else { continue }
            let note =
                target == .contained
                ? "no activity from \(group.source) for \(policy.containmentQuietTicks) ticks"
                : "activity from \(group.source) resumed"
            // `automaticMove` only proposes moves the state machine allows from the current status.
            try! incidents[index].move(to: target, by: nil, at: instant, note: note)
            moved.append(incidents[index])
        }
        return moved
    }

    /// `incidents.create`.
    package mutating func create(
        title: String, description: String = "", severity: Severity, by actorUID: UInt32?, at instant: SIEMInstant
    ) throws(IncidentError) -> Incident {
        let incident = try Incident(
            id: nextID, title: title, description: description, severity: severity, createdBy: actorUID, at: instant)
        nextID += 1
        incidents.append(incident)
        return incident
    }

    /// Applies `change` to incident `id`, all or nothing.
    @discardableResult
    package mutating func update(
        id: Int64, _ change: (inout Incident) throws(IncidentError) -> Void
    )
        throws(IncidentError) -> Incident
    {
        guard let index = incidents.firstIndex(where: { $0.id == id }) else { throw .notFound(id) }
        var incident = incidents[index]
        try change(&incident)
        incidents[index] = incident
        return incident
    }
}
