import Dispatch
import SocStore
import Testing

@Suite final class AuditAndSettingsTests: Sendable {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store.open(stateDirectory: directory.path)
    }

    deinit { store.close() }

    /// Appends through the asynchronous API and waits, as the daemon's completion would.
    private func append(_ record: AuditRecord) throws -> Int64 {
        let done = DispatchSemaphore(value: 0)
        let outcome = Collector<Result<Int64, any Error>>()
        store.appendAudit(record) { result in
            outcome.append(result)
            done.signal()
        }
        done.wait()
        return try #require(outcome.values.first).get()
    }

    @Test func appendedRecordsReadBackExactlyNewestFirst() throws {
        let first = Fixtures.auditRecord("rules.add", at: 1_000)
        let second = AuditRecord(
            atMilliseconds: 2_000, uid: nil, gid: nil, pid: nil, method: "system.shutdown", params: nil,
            outcome: .error, errorCode: -32003, errorMessage: "permission denied")
        let firstID = try append(first)
        let secondID = try append(second)
        #expect(secondID > firstID)
        let listed = try store.listAudit()
        var expectedFirst = first
        expectedFirst.id = firstID
        var expectedSecond = second
        expectedSecond.id = secondID
        #expect(listed == [expectedSecond, expectedFirst])
    }

    @Test func filtersCombineAndPagesFollowTheKeyset() throws {
        for index in 0..<30 {
            _ = try append(
                Fixtures.auditRecord(
                    index % 3 == 0 ? "rules.add" : "incidents.update", at: Int64(index * 10),
                    uid: index % 2 == 0 ? 0 : 1000, outcome: index % 5 == 0 ? .error : .ok))
        }
        #expect(try store.listAudit(AuditQuery(method: "rules.add")).count == 10)
        #expect(try store.listAudit(AuditQuery(uid: 0)).count == 15)
        #expect(try store.listAudit(AuditQuery(outcome: .error)).count == 6)
        let window = try store.listAudit(AuditQuery(sinceMilliseconds: 100, untilMilliseconds: 200))
        #expect(window.map(\.atMilliseconds) == [190, 180, 170, 160, 150, 140, 130, 120, 110, 100])
        let combined = try store.listAudit(AuditQuery(sinceMilliseconds: 60, method: "rules.add", uid: 0))
        #expect(combined.map(\.atMilliseconds) == [240, 180, 120, 60])

        var pages: [[Int64]] = []
        var cursor: Int64?
        repeat {
            let page = try store.listAudit(AuditQuery(limit: 7, afterID: cursor))
            if page.isEmpty { break }
            pages.append(page.map(\.atMilliseconds))
            cursor = page.last?.id
        } while true
        #expect(pages.map(\.count) == [7, 7, 7, 7, 2])
        #expect(pages.flatMap { $0 } == (0..<30).reversed().map { Int64($0 * 10) })
        #expect(try store.listAudit(AuditQuery(limit: 0)).count == 1)  // clamped, not an error
    }

    @Test func auditTableRejectsAnUnknownOutcome() throws {
        let error = try #require(throws: DatabaseError.self) {
            try store.write { db in
                try db.execute("INSERT INTO audit(at_ms, method, outcome) VALUES (1, 'x', 'maybe')")
            }
        }
        #expect(error.isConstraintViolation)
    }

    @Test func settingsStoreReplaceAndSurviveReopen() throws {
        #expect(try store.setting("siem.threshold") == nil)
        for value in ["5", "7"] {
            let done = DispatchSemaphore(value: 0)
            let failures = Collector<String>()
            store.setSetting("siem.threshold", value) { result in
                if case .failure(let error) = result { failures.append("\(error)") }
                done.signal()
            }
            done.wait()
            #expect(failures.values == [])
        }
        #expect(try store.setting("siem.threshold") == "7")
        store.close()
        let reopened = try Store.open(stateDirectory: directory.path)
        defer { reopened.close() }
        #expect(try reopened.setting("siem.threshold") == "7")
        let stamped = try reopened.read { db in
            try db.scalar("SELECT updated_at_ms FROM settings WHERE key = ?", "siem.threshold") as Int64?
        }
        #expect((stamped ?? 0) > 1_600_000_000_000)
    }

    @Test func integrityCheckIsCleanAndVersionIsReported() throws {
        _ = try append(Fixtures.auditRecord())
        #expect(try store.integrityCheck() == ["ok"])
        #expect(Store.sqliteVersion.hasPrefix("3."))
    }
}
