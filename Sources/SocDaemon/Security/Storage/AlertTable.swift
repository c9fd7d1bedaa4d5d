import SocPOSIX
import SocSim
import SocStore

/// Reads and writes the `alerts` table on a connection the caller holds.
enum AlertTable {
    static func save(_ alert: Alert, in db: Database) throws {
        try db.execute(
            """
            INSERT INTO alerts (id, detection, severity, status, source, first_tick, last_tick, document, updated_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET severity = excluded.severity, status = excluded.status,
                last_tick = excluded.last_tick, document = excluded.document, updated_at_ms = excluded.updated_at_ms
            """, alert.id, alert.detection.rawValue, alert.severity.rawValue, alert.status.rawValue,
            alert.source.description, alert.firstTick, alert.lastTick, try DocumentCodec.encode(alert),
            WallClock.nowMilliseconds)
    }

    /// The newest `limit` alerts, oldest first.
    static func loadNewest(_ limit: Int, in db: Database) throws -> [Alert] {
        try db.query("SELECT document FROM alerts ORDER BY id DESC LIMIT ?", limit) { row in
            try DocumentCodec.decode(Alert.self, from: try row[0])
        }.reversed()
    }

    static func load(id: Int64, in db: Database) throws -> Alert? {
        try db.query("SELECT document FROM alerts WHERE id = ?", id) { row in
            try DocumentCodec.decode(Alert.self, from: try row[0])
        }.first
    }

    static func maximumID(in db: Database) throws -> Int64 {
        try db.scalar("SELECT COALESCE(MAX(id), 0) FROM alerts") ?? 0
    }
}
