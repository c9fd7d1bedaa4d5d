/// socd's schema history. Append new migrations at the end of `migrations`; never edit, reorder
/// or remove one that has shipped: databases in the field record them by name.
package enum SocdSchema {
    package static let migrations: [Migration] = [
        audit,
        settings,
    ]

    /// The append-only audit trail of every request that changes state.
    static let audit = Migration(name: "audit") { db in
        try db.executeScript(
            """
            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                at_ms INTEGER NOT NULL,            -- milliseconds since the Unix epoch
                uid INTEGER,                       -- peer credentials (SO_PEERCRED), when known
                gid INTEGER,
                pid INTEGER,
                method TEXT NOT NULL,              -- JSON-RPC method, e.g. "rules.add"
                params TEXT,                       -- the request's params as JSON text
                outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error', 'denied')),
                error_code INTEGER,                -- JSON-RPC error code unless outcome = 'ok'
                error_message TEXT
            );
            CREATE INDEX audit_by_time ON audit(at_ms);
            CREATE INDEX audit_by_method ON audit(method, id);
            """)
    }

    /// Operator settings that outlive a restart, as text (JSON where structured).
    static let settings = Migration(name: "settings") { db in
        try db.executeScript(
            """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,
                updated_at_ms INTEGER
            );
            """)
    }
}
