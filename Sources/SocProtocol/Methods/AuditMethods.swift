import JSONRPC

/// One entry of the audit trail: who changed (or tried to change) what, and how it ended.
package struct AuditEntry: Codable, Sendable, Hashable, JSONSchemaDocumented {
    package var id: Int
    package var at: String
    package var uid: Int
    package var gid: Int
    package var pid: Int
    package var method: String
    package var params: JSONValue?
    /// `ok`, `error` or `denied`.
    package var outcome: String
    package var error: RPCErrorSummary?

    package init(
        id: Int, at: String, uid: Int, gid: Int, pid: Int, method: String, params: JSONValue?, outcome: String,
        error: RPCErrorSummary?
    ) {
        self.id = id
        self.at = at
        self.uid = uid
        self.gid = gid
        self.pid = pid
        self.method = method
        self.params = params
        self.outcome = outcome
        self.error = error
    }

    package static let fieldDescriptions = [
        "id": "Increasing entry number; pass it as `after` to page.",
        "at": "When the change was made (ISO 8601, UTC, milliseconds).",
        "uid": "The caller's user id (SO_PEERCRED).",
        "gid": "The caller's group id.",
        "pid": "The caller's process id.",
        "method": "The method called.",
        "params": "The params as given.",
        "outcome": "\"ok\", \"error\" or \"denied\".",
        "error": "The error answered, when the outcome is not ok.",
    ]
}

/// The code and message of an error, as the audit trail keeps it.
package struct RPCErrorSummary: Codable, Sendable, Hashable {
    package var code: Int
    package var message: String
    package init(code: Int, message: String) {
        self.code = code
        self.message = message
    }
}

/// `audit.list`: the audit trail, newest first.
package struct AuditListRequest: SocMethod {
    package static let method = "audit.list"
    package static let summary = "Lists audit entries, newest first, with filters and keyset paging."
    package static let access = MethodAccess.read

    package struct Params: Codable, Sendable, Hashable, JSONSchemaDocumented {
        package var since: String?
        package var until: String?
        package var method: String?
        package var uid: Int?
        package var outcome: String?
        package var limit: Int?
        package var before: Int?

        package init(
            since: String? = nil, until: String? = nil, method: String? = nil, uid: Int? = nil,
            outcome: String? = nil, limit: Int? = nil, before: Int? = nil
        ) {
            self.since = since
            self.until = until
            self.method = method
            self.uid = uid
            self.outcome = outcome
            self.limit = limit
            self.before = before
        }

        package static let fieldDescriptions = [
            "since": "Only entries at or after this time (ISO 8601).",
            "until": "Only entries before this time (ISO 8601).",
            "method": "Only entries for this method.",
            "uid": "Only entries by this user id.",
            "outcome": "Only entries with this outcome: ok, error or denied.",
            "limit": "At most this many entries (1-1000, default 100).",
            "before": "Only entries with an id below this; pass the previous page's nextBefore.",
        ]
    }

    package struct Result: Codable, Sendable, Hashable {
        package var entries: [AuditEntry]
        /// Pass as `before` for the next page; absent on the last page.
        package var nextBefore: Int?
        package init(entries: [AuditEntry], nextBefore: Int?) {
            self.entries = entries
            self.nextBefore = nextBefore
        }
    }
}
