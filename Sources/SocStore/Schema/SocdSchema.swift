/// socd's schema history. Append new migrations at the end of `migrations`; never edit, reorder
/// or remove one that has shipped: databases in the field record them by name.
package enum SocdSchema {
    package static let migrations: [Migration] = [
        audit,
        settings,
        firewallRules,
        simulationState,
        alerts,
        incidents,
        hunts,
        intelIndicators,
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
                outcome TEXT NOT NULL CHECK (outcome = 'ok' OR outcome = 'error' OR outcome = 'denied'),
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

    /// The firewall's rules. Order is kept by `sort_key`, spaced so that inserting between two
    /// rules rarely renumbers the others (positions shown to users are ranks, not stored).
    /// Enumerated columns are checked with ORs, not `IN (...)`: SQLite builds a temporary table
    /// for an `IN` list on every insert and every row of an integrity check, which doubled the
    /// cost of loading and checking a million rules.
    /// Matches are stored as numbers so that loading a million rules parses nothing; NULL is ANY.
    static let firewallRules = Migration(name: "firewall_rules") { db in
        try db.executeScript(
            """
            CREATE TABLE firewall_rules (
                id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused
                sort_key INTEGER NOT NULL,
                src_network INTEGER,                    -- IPv4 as an unsigned 32-bit value
                src_prefix INTEGER CHECK (src_prefix BETWEEN 0 AND 32),
                dst_network INTEGER,
                dst_prefix INTEGER CHECK (dst_prefix BETWEEN 0 AND 32),
                sport_low INTEGER CHECK (sport_low BETWEEN 0 AND 65535),
                sport_high INTEGER CHECK (sport_high BETWEEN sport_low AND 65535),
                dport_low INTEGER CHECK (dport_low BETWEEN 0 AND 65535),
                dport_high INTEGER CHECK (dport_high BETWEEN dport_low AND 65535),
                proto TEXT NOT NULL CHECK (proto = 'any' OR proto = 'tcp' OR proto = 'udp' OR proto = 'icmp'),
                action TEXT NOT NULL CHECK (action = 'ACCEPT' OR action = 'DROP' OR action = 'REJECT'),
                comment TEXT NOT NULL DEFAULT '',
                expires_at_ms INTEGER,
                created_at_ms INTEGER NOT NULL,
                hits INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX firewall_rules_by_order ON firewall_rules(sort_key);
            CREATE INDEX firewall_rules_by_expiry ON firewall_rules(expires_at_ms) WHERE expires_at_ms IS NOT NULL;
            """)
    }

    /// The simulation's saved state (`SimulationStateTable`): one row, rewritten every few seconds
    /// and on every clock or scenario change, so a restart resumes where the simulation was.
    static let simulationState = Migration(name: "simulation_state") { db in
        try db.executeScript(
            """
            CREATE TABLE simulation_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                scenario TEXT NOT NULL,
                seed INTEGER NOT NULL,                  -- the UInt64 seed's bit pattern
                tick INTEGER NOT NULL CHECK (tick >= 0),
                paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
                ticks_per_second REAL NOT NULL CHECK (ticks_per_second > 0),
                snapshot TEXT NOT NULL,                 -- SimulationSnapshot as JSON
                saved_at_ms INTEGER NOT NULL
            );
            """)
    }

    /// SIEM alerts. The alert itself is a JSON document (`document`); the columns are what
    /// listing filters and orders by.
    static let alerts = Migration(name: "alerts") { db in
        try db.executeScript(
            """
            CREATE TABLE alerts (
                id INTEGER PRIMARY KEY,                 -- the SIEM's alert number, never reused
                detection TEXT NOT NULL,
                severity TEXT NOT NULL,
                status TEXT NOT NULL,
                source TEXT NOT NULL,
                first_tick INTEGER NOT NULL,
                last_tick INTEGER NOT NULL,
                document TEXT NOT NULL,                 -- the Alert as JSON
                updated_at_ms INTEGER NOT NULL
            );
            """)
    }

    /// Incidents (a JSON document each, without the timeline) and their timelines, one row per
    /// entry, appended as the incident changes.
    static let incidents = Migration(name: "incidents") { db in
        try db.executeScript(
            """
            CREATE TABLE incidents (
                id INTEGER PRIMARY KEY,
                status TEXT NOT NULL,
                severity TEXT NOT NULL,
                title TEXT NOT NULL,
                created_tick INTEGER NOT NULL,
                document TEXT NOT NULL,                 -- the Incident as JSON, timeline left out
                updated_at_ms INTEGER NOT NULL
            );
            CREATE TABLE incident_timeline (
                incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,              -- 0-based order within the incident
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                actor_uid INTEGER,                      -- peer uid; NULL for socd itself
                tick INTEGER NOT NULL,
                at_ms INTEGER NOT NULL,
                PRIMARY KEY (incident_id, position)
            );
            """)
    }

    /// Saved threat hunts.
    static let hunts = Migration(name: "hunts") { db in
        try db.executeScript(
            """
            CREATE TABLE hunts (
                name TEXT PRIMARY KEY NOT NULL,
                query TEXT NOT NULL,
                group_by TEXT NOT NULL DEFAULT '',      -- comma-separated ECS field names
                created_at_ms INTEGER NOT NULL
            );
            """)
    }

    /// Threat-intelligence indicators; one per (kind, value).
    static let intelIndicators = Migration(name: "intel_indicators") { db in
        try db.executeScript(
            """
            CREATE TABLE intel_indicators (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (kind IN ('ip', 'cidr', 'domain', 'url', 'sha256')),
                value TEXT NOT NULL,
                source TEXT NOT NULL DEFAULT '',
                confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
                tags TEXT NOT NULL DEFAULT '',          -- comma-separated
                expires_at_ms INTEGER,
                created_at_ms INTEGER NOT NULL,
                UNIQUE (kind, value)
            );
            """)
    }
}
