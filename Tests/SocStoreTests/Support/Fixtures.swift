import SocStore
import Synchronization

/// Connections and records for tests.
enum Fixtures {
    static func openDatabase(_ path: String, access: DatabaseConfiguration.Access = .readWriteCreate) throws -> Database
    {
        try Database(path: path, configuration: DatabaseConfiguration(access: access))
    }

    static func auditRecord(
        _ method: String = "rules.add", at time: Int64 = 1_700_000_000_000, uid: UInt32? = 1000,
        outcome: AuditOutcome = .ok
    ) -> AuditRecord {
        AuditRecord(
            atMilliseconds: time, uid: uid, gid: 100, pid: 4242, method: method, params: #"{"src":"10.0.0.66"}"#,
            outcome: outcome, errorCode: outcome == .error ? -32602 : nil,
            errorMessage: outcome == .error ? "invalid params" : nil)
    }
}

/// Collects results delivered on other threads.
final class Collector<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    func append(_ item: Element) { items.withLock { $0.append(item) } }
    var values: [Element] { items.withLock { $0 } }
}
