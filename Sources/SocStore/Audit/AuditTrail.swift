/// Reads and writes the `audit` table on a given connection, so that a state change and its
/// audit entry can share one transaction (call `append` inside the same writer job).
package enum AuditTrail {
    /// Inserts `record` (its `id` is ignored) and returns the id it was given.
    @discardableResult
    package static func append(_ record: AuditRecord, in db: Database) throws -> Int64 {
        try db.execute(
            """
            INSERT INTO audit(at_ms, uid, gid, pid, method, params, outcome, error_code, error_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            record.atMilliseconds, record.uid, record.gid, record.pid, record.method, record.params,
            record.outcome, record.errorCode, record.errorMessage)
        return db.lastInsertRowID
    }

    /// The records matching `query`, newest first.
    package static func list(_ query: AuditQuery, in db: Database) throws -> [AuditRecord] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let since = query.sinceMilliseconds {
            conditions.append("at_ms >= ?")
            arguments.append(since)
        }
        if let until = query.untilMilliseconds {
            conditions.append("at_ms < ?")
            arguments.append(until)
        }
        if let method = query.method {
            conditions.append("method = ?")
            arguments.append(method)
        }
        if let uid = query.uid {
            conditions.append("uid = ?")
            arguments.append(uid)
        }
        if let outcome = query.outcome {
            conditions.append("outcome = ?")
            arguments.append(outcome)
        }
        if let afterID = query.afterID {
            conditions.append("id < ?")
            arguments.append(afterID)
        }
        // The SQL varies only in which conditions are present, so the statement cache stays small.
        var sql = "SELECT id, at_ms, uid, gid, pid, method, params, outcome, error_code, error_message FROM audit"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY id DESC LIMIT ?"
        arguments.append(min(max(query.limit, 1), AuditQuery.maximumLimit))
        return try db.query(sql, arguments: StatementArguments(arguments)) { row in
            AuditRecord(
                id: try row[0], atMilliseconds: try row[1], uid: try row[2], gid: try row[3], pid: try row[4],
                method: try row[5], params: try row[6], outcome: try row[7], errorCode: try row[8],
                errorMessage: try row[9])
        }
    }
}
