/// Reads and writes the `simulation_state` table: a single row, replaced on every save. Every
/// function runs on a connection the caller holds.
package enum SimulationStateTable {
    /// The saved state, or nil when socd has never saved one.
    package static func load(in db: Database) throws -> SimulationStateRecord? {
        try db.query(
            """
            SELECT scenario, seed, tick, paused, ticks_per_second, snapshot, saved_at_ms
            FROM simulation_state WHERE id = 1
            """
        ) { row in
            SimulationStateRecord(
                scenario: try row[0], seed: UInt64(bitPattern: try row[1] as Int64), tick: try row[2],
                paused: try row[3], ticksPerSecond: try row[4], snapshot: try row[5], savedAtMilliseconds: try row[6])
        }.first
    }

    /// Replaces the saved state with `record`.
    package static func save(_ record: SimulationStateRecord, in db: Database) throws {
        // SQLite integers are signed 64-bit: the seed is stored by its bit pattern.
        try db.execute(
            """
            INSERT INTO simulation_state (id, scenario, seed, tick, paused, ticks_per_second, snapshot, saved_at_ms)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET scenario = excluded.scenario, seed = excluded.seed, tick = excluded.tick,
                paused = excluded.paused, ticks_per_second = excluded.ticks_per_second, snapshot = excluded.snapshot,
                saved_at_ms = excluded.saved_at_ms
            """, record.scenario, Int64(bitPattern: record.seed), record.tick, record.paused, record.ticksPerSecond,
            record.snapshot, record.savedAtMilliseconds)
    }
}
