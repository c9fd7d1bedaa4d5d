import SocPOSIX
import SocSim
import SocStore

/// Reads and writes `incidents` and `incident_timeline` on a connection the caller holds.
///
/// The document holds the whole incident, timeline included, because the core's `Incident`
/// can only be rebuilt whole (its timeline is set only by its own changes); `incident_timeline`
/// is the same history one row per entry, for SQL readers, appended as the incident grows.
enum IncidentTable {
    static func save(_ incident: Incident, in db: Database) throws {
        try db.execute(
            """
            INSERT INTO incidents (id, status, severity, title, created_tick, document, updated_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET status = excluded.status, severity = excluded.severity,
                title = excluded.title, document = excluded.document, updated_at_ms = excluded.updated_at_ms
            """, incident.id, incident.status.rawValue, incident.severity.rawValue, incident.title,
            incident.createdAt.tick, try DocumentCodec.encode(incident), WallClock.nowMilliseconds)
        let stored: Int =
            try db.scalar("SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ?", incident.id) ?? 0
        for (position, entry) in incident.timeline.enumerated().dropFirst(stored) {
            try db.execute(
                """
                INSERT INTO incident_timeline (incident_id, position, kind, text, actor_uid, tick, at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, incident.id, position, entry.kind.rawValue, entry.text, entry.actorUID.map(Int64.init),
                entry.at.tick, entry.at.epochMilliseconds)
        }
    }

    /// Every incident, by id.
    static func loadAll(in db: Database) throws -> [Incident] {
        try db.query("SELECT document FROM incidents ORDER BY id") { row in
            try DocumentCodec.decode(Incident.self, from: try row[0])
        }
    }
}
