/// One entry of the audit trail: who called which method, with what, and how it ended.
package struct AuditRecord: Sendable, Equatable {
    /// Assigned by the store on append; nil for a record not yet stored.
    package var id: Int64?
    /// When the request was handled, in milliseconds since the Unix epoch.
    package var atMilliseconds: Int64
    /// The caller's credentials from SO_PEERCRED, when known.
    package var uid: UInt32?
    package var gid: UInt32?
    package var pid: Int32?
    /// The JSON-RPC method, e.g. `rules.add`.
    package var method: String
    /// The request's params as JSON text.
    package var params: String?
    package var outcome: AuditOutcome
    /// The JSON-RPC error code when `outcome` is `.error`.
    package var errorCode: Int?
    package var errorMessage: String?

    package init(
        id: Int64? = nil, atMilliseconds: Int64, uid: UInt32? = nil, gid: UInt32? = nil, pid: Int32? = nil,
        method: String, params: String? = nil, outcome: AuditOutcome, errorCode: Int? = nil,
        errorMessage: String? = nil
    ) {
        self.id = id
        self.atMilliseconds = atMilliseconds
        self.uid = uid
        self.gid = gid
        self.pid = pid
        self.method = method
        self.params = params
        self.outcome = outcome
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }
}

/// How an audited request ended; stored as the text `ok` or `error`.
package enum AuditOutcome: String, Sendable, CaseIterable, DatabaseValueConvertible {
    case ok
    case error
    /// The caller was not authorized; nothing changed.
    case denied

    package var databaseValue: DatabaseValue { .text(rawValue) }

    package static func fromDatabaseValue(_ value: DatabaseValue) -> AuditOutcome? {
        String.fromDatabaseValue(value).flatMap(AuditOutcome.init(rawValue:))
    }
}
