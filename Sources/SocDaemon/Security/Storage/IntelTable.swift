import SocPOSIX
import SocSim
import SocStore

/// Reads and writes `intel_indicators` on a connection the caller holds.
enum IntelTable {
    /// Inserts or replaces the indicator with the same kind and value; returns its id.
    static func save(_ indicator: Indicator, in db: Database) throws -> Int64 {
        try db.execute(
            """
            INSERT INTO intel_indicators (kind, value, source, confidence, tags, expires_at_ms, created_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(kind, value) DO UPDATE SET source = excluded.source, confidence = excluded.confidence,
                tags = excluded.tags, expires_at_ms = excluded.expires_at_ms
            """, indicator.kind.rawValue, indicator.value, indicator.source, indicator.confidence,
            indicator.tags.joined(separator: ","), indicator.expiresAtMilliseconds, WallClock.nowMilliseconds)
        return try db.scalar(
            "SELECT id FROM intel_indicators WHERE kind = ? AND value = ?", indicator.kind.rawValue, indicator.value)
            ?? db.lastInsertRowID
    }

    static func loadAll(in db: Database) throws -> [(id: Int64, indicator: Indicator)] {
        try db.query(
            "SELECT id, kind, value, source, confidence, tags, expires_at_ms FROM intel_indicators ORDER BY id"
        ) { row in
            let kindText: String = try row[1]
            let tags: String = try row[5]
            guard let kind = IndicatorKind(rawValue: kindText) else { return nil }
            let indicator = try? Indicator(
                kind: kind, value: try row[2], source: try row[3], confidence: try row[4],
                tags: tags.split(separator: ",").map(String.init), expiresAtMilliseconds: try row[6])
            return indicator.map { (id: try! row[0] as Int64, indicator: $0) }
        }.compactMap { $0 }
    }

    static func delete(id: Int64, in db: Database) throws {
        try db.execute("DELETE FROM intel_indicators WHERE id = ?", id)
    }
}
