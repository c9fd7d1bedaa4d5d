import SocPOSIX
import SocStore

/// A saved hunt as the `hunts` table keeps it.
struct SavedHunt: Sendable, Hashable {
    var name: String
    var query: String
    var groupBy: [String]
    var createdAtMilliseconds: Int64
}

/// Reads and writes the `hunts` table on a connection the caller holds.
enum HuntTable {
    static func save(_ hunt: SavedHunt, in db: Database) throws {
        try db.execute(
            """
            INSERT INTO hunts (name, query, group_by, created_at_ms) VALUES (?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET query = excluded.query, group_by = excluded.group_by
            """, hunt.name, hunt.query, hunt.groupBy.joined(separator: ","), hunt.createdAtMilliseconds)
    }

    static func loadAll(in db: Database) throws -> [SavedHunt] {
        try db.query("SELECT name, query, group_by, created_at_ms FROM hunts ORDER BY name") { row in
            let groups: String = try row[2]
            return SavedHunt(
                name: try row[0], query: try row[1], groupBy: groups.split(separator: ",").map(String.init),
                createdAtMilliseconds: try row[3])
        }
    }

    static func load(name: String, in db: Database) throws -> SavedHunt? {
        try loadAll(in: db).first { $0.name == name }
    }

    /// Whether a hunt of that name existed.
    static func delete(name: String, in db: Database) throws -> Bool {
        try db.execute("DELETE FROM hunts WHERE name = ?", name)
        return db.changes > 0
    }
}
