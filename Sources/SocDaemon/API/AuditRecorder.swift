import JSONRPC
import SocPOSIX
import SocProtocol
import SocStore
import Synchronization

/// Writes the audit trail: every state change with who made it, and every refused or failed
/// attempt. Changes are recorded in the same transaction as the change itself.
package final class AuditRecorder: Sendable {
    private let store: Store
    private let events: EventBus
    private let logger: Logger

    package init(store: Store, events: EventBus, logger: Logger) {
        self.store = store
        self.events = events
        self.logger = logger
    }

    /// Why a change did not commit, and whether its `persist` had run (so that in-memory state
    /// it touched must be restored).
    struct CommitFailure: Error {
        var error: any Error
        var persisted: Bool
    }

    /// Persists a change and its audit entry as one durable transaction, then calls `completion`
    /// (on the store's writer thread) once the commit has returned.
    func commit<Staged: Sendable>(
        request: RPCRequest, context: RequestContext, persist: @escaping @Sendable (Database) throws -> Staged,
        completion: @escaping @Sendable (Result<Staged, CommitFailure>) -> Void
    ) {
        let pending = Self.record(request, context, outcome: .ok)
        let persisted = Flag()
        store.submit({ database in
            let staged = try persist(database)
            persisted.set()
            var record = pending
            record.id = try AuditTrail.append(record, in: database)
            return (staged, record)
        }) { [events] result in
            switch result {
            case .success(let (staged, record)):
                completion(.success(staged))
                Self.publish(record, on: events)
            case .failure(let error):
                completion(
                    .failure(
                        CommitFailure(error: Self.storageError(error), persisted: persisted.isSet)))
            }
        }
    }

    /// Records an attempt that changed nothing; its reply does not wait for the record.
    func recordFailure(request: RPCRequest, context: RequestContext, outcome: AuditOutcome, error: any Error) {
        var pending = Self.record(request, context, outcome: outcome)
        let rpcError = RPCError(converting: error) ?? .internalError()
        pending.errorCode = rpcError.code
        pending.errorMessage = rpcError.message
        let attempt = pending
        store.submit({ database in
            var record = attempt
            record.id = try AuditTrail.append(record, in: database)
            return record
        }) { [events, logger] result in
            switch result {
            case .success(let record): Self.publish(record, on: events)
            case .failure(let error):
                logger.error("cannot record a refused \(request.method) in the audit trail: \(error)")
            }
        }
    }

    /// `audit.list`.
    func list(_ params: AuditListRequest.Params) throws -> AuditListRequest.Result {
        let limit = params.limit ?? 100
        guard (1...1000).contains(limit) else {
            throw RPCError.invalidParams(field: "limit", "\(limit) is outside 1-1000")
        }
        func time(_ text: String?, _ field: String) throws -> Int64? {
            guard let text else { return nil }
            guard let milliseconds = ISO8601.parse(text) else {
                throw RPCError.invalidParams(
                    field: field, "\"\(text)\" is not an ISO 8601 time like 2026-12-04T14:38:55Z")
            }
            return milliseconds
        }
        var outcome: AuditOutcome?
        if let text = params.outcome {
            guard let parsed = AuditOutcome(rawValue: text) else {
                let names = AuditOutcome.allCases.map(\.rawValue).joined(separator: ", ")
                throw RPCError.invalidParams(field: "outcome", "\"\(text)\" is not one of \(names)")
            }
            outcome = parsed
        }
        var uid: UInt32?
        if let value = params.uid {
            guard let parsed = UInt32(exactly: value) else {
                throw RPCError.invalidParams(field: "uid", "\(value) is not a user id")
            }
            uid = parsed
        }
        let query = AuditQuery(
            sinceMilliseconds: try time(params.since, "since"), untilMilliseconds: try time(params.until, "until"),
            method: params.method, uid: uid, outcome: outcome, limit: limit + 1,
            afterID: params.before.map(Int64.init))
        let records: [AuditRecord]
        do {
            records = try store.listAudit(query)
        } catch {
            throw Self.storageError(error)
        }
        let page = records.prefix(limit).map(Self.entry)
        let more = records.count > limit
        return AuditListRequest.Result(entries: Array(page), nextBefore: more ? page.last?.id : nil)
    }

    // MARK: - Conversions

    /// Publishes `record` on the `audit` topic, building the entry only when someone listens: it
    /// parses the stored params text back into JSON, which for a `rules.addMany` of 100,000
    /// rules is a 7 MB parse on the writer thread, paid by every change whether or not anybody
    /// follows the trail. (A subscriber arriving between the check and the publish misses this
    /// one record, as it would had it subscribed a moment later.)
    private static func publish(_ record: AuditRecord, on events: EventBus) {
        guard events.hasSubscribers(.audit) else { return }
        events.publish(.audit, entry(record).json)
    }

    private static func record(_ request: RPCRequest, _ context: RequestContext, outcome: AuditOutcome) -> AuditRecord {
        AuditRecord(
            atMilliseconds: WallClock.nowMilliseconds, uid: context.peer.uid, gid: context.peer.gid,
            pid: context.peer.pid, method: request.method, params: request.params?.serializedString,
            outcome: outcome)
    }

    private static func entry(_ record: AuditRecord) -> AuditEntry {
        AuditEntry(
            id: Int(record.id ?? 0), at: ISO8601.format(milliseconds: record.atMilliseconds),
            uid: Int(record.uid ?? 0), gid: Int(record.gid ?? 0), pid: Int(record.pid ?? 0), method: record.method,
            params: record.params.flatMap { try? JSONValue(parsing: Array($0.utf8)) }, outcome: record.outcome.rawValue,
            error: record.errorCode.map { RPCErrorSummary(code: $0, message: record.errorMessage ?? "") })
    }

    /// Database failures the operator can act on (disk full, read-only, I/O) become `storage`.
    /// Anything else (a constraint violation is a bug) stays as it is and becomes `internal`.
    static func storageError(_ error: any Error) -> any Error {
        guard let database = error as? DatabaseError, database.isStorageFailure else { return error }
        return RPCError.storage(
            "the change could not be stored: \(database.message)",
            ["sqliteCode": .int(Int(database.extendedResultCode))])
    }
}

/// A flag one thread sets and another reads later.
private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}
