/// Reads and writes the `settings` table on a given connection.
package enum SettingsTable {
    /// The value stored under `key`, or nil when there is none.
    package static func value(for key: String, in db: Database) throws -> String? {
        try db.scalar("SELECT value FROM settings WHERE key = ?", key)
    }

    /// Stores `value` under `key`, replacing any earlier value.
    package static func setValue(_ value: String, for key: String, in db: Database) throws {
        try db.execute(
            """
            INSERT INTO settings(key, value, updated_at_ms) VALUES (?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at_ms = excluded.updated_at_ms
            """, key, value, WallClock.nowMilliseconds())
    }
}
