extension Store {
    /// Appends `record` through the writer; `completion` gets its id once it is durable.
    package func appendAudit(
        _ record: AuditRecord, completion: @escaping @Sendable (Result<Int64, any Error>) -> Void
    ) {
        submit({ db in try AuditTrail.append(record, in: db) }, completion: completion)
    }

    /// The audit records matching `query`, newest first.
    package func listAudit(_ query: AuditQuery = AuditQuery()) throws -> [AuditRecord] {
        try read { db in try AuditTrail.list(query, in: db) }
    }

    /// The setting stored under `key`, or nil.
    package func setting(_ key: String) throws -> String? {
        try read { db in try SettingsTable.value(for: key, in: db) }
    }

    /// Stores a setting through the writer; `completion` runs once it is durable.
    package func setSetting(
        _ key: String, _ value: String, completion: @escaping @Sendable (Result<Void, any Error>) -> Void
    ) {
        submit({ db in try SettingsTable.setValue(value, for: key, in: db) }, completion: completion)
    }
}
