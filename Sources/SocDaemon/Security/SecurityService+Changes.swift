import JSONRPC
import SocPOSIX
import SocSim
import SocStore

/// Changes people make. Each runs on the store's writer thread inside its request's
/// transaction: it works on a copy, writes the database, and only then updates memory, so a
/// database error leaves memory as it was; a failed commit needs `reload()`.
extension SecurityService {
    /// `alerts.ack`.
    func acknowledgeAlert(id: Int64, by uid: UInt32, in db: Database) throws -> Alert {
        try state.withLock { state in
            var alert: Alert
            if let index = state.alertIndex(id) {
                alert = state.alerts[index]
            } else if let stored = try AlertTable.load(id: id, in: db) {
                alert = stored
            } else {
                throw Self.noSuchAlert(id)
            }
            alert.status = .acknowledged
            alert.acknowledgedBy = uid
            try AlertTable.save(alert, in: db)
            _ = try? state.monitor.alerts.acknowledge(id: id, by: uid)
            if state.alertIndex(id) != nil { state.remember(alert) }
            return alert
        }
    }

    /// `detections.update`: validated by the engine, persisted in `settings`.
    func updateDetection(
        id: String, enabled: Bool?, thresholds: [String: Double], in db: Database
    ) throws
        -> (DetectionKind, DetectionSettings)
    {
        try state.withLock { state in
            var engine = state.monitor.engine
            let settings: DetectionSettings
            do {
                settings = try engine.update(id: id, enabled: enabled, thresholds: thresholds)
            } catch let error as DetectionError {
                switch error.kind {
                case .unknownDetection: throw RPCError.notFound(error.message, ["id": .string(id)])
                case .unknownThreshold, .invalidThreshold:
                    throw RPCError.invalidParams(field: "thresholds", error.message)
                }
            }
            try SettingsTable.setValue(
                try DocumentCodec.encode(settings), for: Self.detectionSettingPrefix + id, in: db)
            // Updating the live engine again rather than assigning the copy keeps its detection state.
            let kind = DetectionKind(rawValue: id)!
            _ = try? state.monitor.engine.update(id: id, enabled: enabled, thresholds: thresholds)
            return (kind, settings)
        }
    }

    /// `incidents.create`.
    func createIncident(
        title: String, description: String, severity: Severity, assignee: String?, tags: [String], by uid: UInt32,
        in db: Database
    ) throws -> Incident {
        try state.withLock { state in
            let instant = state.now
            var incident = try Self.translating { () throws(IncidentError) in
                var incident = try state.incidents.makeIncident(
                    title: title, description: description, severity: severity, by: uid, at: instant)
                if let assignee, !assignee.isEmpty { incident.assign(to: assignee, by: uid, at: instant) }
                for tag in tags { try incident.addTag(tag, by: uid, at: instant) }
                return incident
            }
            incident.description = description
            try IncidentTable.save(incident, in: db)
            state.incidents.store(incident)
            return incident
        }
    }

    /// Applies `change` to incident `id` (with the current instant and the SIEM's state), saves
    /// it, then keeps it.
    func changeIncident(
        id: Int64, in db: Database,
        _ change: (inout Incident, SIEMInstant, SecurityState) throws(IncidentError) -> Void
    ) throws -> Incident {
        try state.withLock { state in
            guard var incident = state.incidents.incident(id: id) else { throw Self.noSuchIncident(id) }
            let instant = state.now
            let snapshot = state
            try Self.translating { () throws(IncidentError) in try change(&incident, instant, snapshot) }
            try IncidentTable.save(incident, in: db)
            state.incidents.store(incident)
            return incident
        }
    }

    /// The core's refusals as API errors: bad moves are invalidState with the core's message.
    static func translating<T>(_ body: () throws(IncidentError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            switch error.kind {
            case .invalidTransition: throw RPCError.invalidState(error.message)
            case .invalidField:
                throw RPCError.invalidParams(
                    field: error.message.split(separator: ":").first.map(String.init), error.message)
            case .notFound: throw RPCError.notFound(error.message)
            }
        }
    }
}
