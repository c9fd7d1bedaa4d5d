import SocSim

/// The incidents socd keeps, with the incident policy applied to alerts and to what the
/// detection engine has seen.
///
/// It mirrors `IncidentBook`'s two policy steps over incidents loaded from the database, which
/// `IncidentBook` cannot start from; the decisions themselves are `IncidentPolicy`'s.
struct IncidentLedger: Sendable {
    var policy: IncidentPolicy
    /// By id.
    private(set) var incidents: [Incident]
    private(set) var nextID: Int64

    init(policy: IncidentPolicy = IncidentPolicy(), incidents: [Incident]) {
        self.policy = policy
        self.incidents = incidents.sorted { $0.id < $1.id }
        nextID = (self.incidents.last?.id ?? 0) + 1
    }

    func incident(id: Int64) -> Incident? { incidents.first { $0.id == id } }

    /// Opens, joins or raises the severity of an incident for an alert change; returns the
    /// incident that changed, if any.
    mutating func handle(_ change: AlertChange, clock: SimulationClock, at instant: SIEMInstant) -> Incident? {
        let alert = change.alert
        if let index = incidents.firstIndex(where: { $0.alertIDs.contains(alert.id) }) {
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
            // The policy's titles are never empty, so creation cannot fail.
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

    /// The policy's automatic moves (contained once quiet and blocked, back to investigating when
    /// the source resumes); returns the incidents that moved.
    mutating func applyAutomaticMoves(engine: DetectionEngine, at instant: SIEMInstant) -> [Incident] {
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
                // `automaticMove` proposes only moves the state machine allows; nothing to do otherwise.
            }
        }
        return moved
    }

    mutating func create(
        title: String, description: String, severity: Severity, by uid: UInt32?, at instant: SIEMInstant
    ) throws(IncidentError) -> Incident {
        let incident = try Incident(
            id: nextID, title: title, description: description, severity: severity, createdBy: uid, at: instant)
        return incident
    }

    /// Stores a created or changed incident (ids come from `nextID`).
    mutating func store(_ incident: Incident) {
        if let index = incidents.firstIndex(where: { $0.id == incident.id }) {
            incidents[index] = incident
        } else {
            incidents.append(incident)
            nextID = max(nextID, incident.id + 1)
        }
    }
}
