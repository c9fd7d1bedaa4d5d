import Dispatch
import Foundation
import SocStore
import Testing

/// Acknowledged writes survive `kill -9` of the process that made them.
///
/// The writer runs in a child process: this test binary itself, started with posix_spawn (fork
/// is unsafe in a multithreaded Swift process) and told by environment variables to run only
/// `durabilityChild`. The child appends audit records through the group-committing writer with
/// many jobs in flight and logs each id only in its completion. The parent kills it mid-stream
/// and checks that every logged id is in the database. (A kill keeps the page cache, so this
/// proves "acknowledged only after COMMIT"; surviving power loss rests on synchronous=FULL.)
@Suite struct DurabilityTests {
    static let childVariable = "SOCSTORE_DURABILITY_CHILD_DIR"

    @Test func acknowledgedAppendsSurviveKill9() throws {
        let directory = try TemporaryDirectory()
        let state = directory.file("state")
        let acknowledgements = directory.file("acks.log")
        let child = try Self.spawnChild(stateDirectory: state, acknowledgements: acknowledgements)

        // Let it run until plenty of writes were acknowledged, then kill it without warning.
        var acknowledged: [Int64] = []
        let deadline = Date().addingTimeInterval(60)
        while acknowledged.count < 500 && Date() < deadline {
            usleep(10_000)
            acknowledged = Self.readAcknowledgements(acknowledgements)
        }
        kill(child, SIGKILL)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        #expect(status & 0x7F == SIGKILL)  // it was killed, it did not finish or crash on its own

        acknowledged = Self.readAcknowledgements(acknowledgements)  // everything logged before the kill
        #expect(acknowledged.count >= 500)
        let store = try Store.open(stateDirectory: state)
        defer { store.close() }
        let stored = Set(try store.listAudit(AuditQuery(limit: AuditQuery.maximumLimit)).compactMap(\.id))
        let lost = acknowledged.filter { !stored.contains($0) }
        #expect(lost == [])
        #expect(try store.integrityCheck() == ["ok"])
    }

    /// The child's half; does nothing unless started by the test above.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func durabilityChild() throws {
        let environment = ProcessInfo.processInfo.environment
        let store = try Store.open(stateDirectory: try #require(environment[Self.childVariable]))
        let log = Glibc.open(
            try #require(environment["SOCSTORE_DURABILITY_ACKS"]), O_WRONLY | O_APPEND | O_CREAT, 0o600)
        let inFlight = DispatchSemaphore(value: 64)
        for index in 0..<5_000 {  // far more than the parent waits for: it is killed first
            inFlight.wait()
            store.appendAudit(Fixtures.auditRecord("kill.test", at: Int64(index))) { result in
                if case .success(let id) = result {
                    let line = Array("\(id)\n".utf8)
                    _ = line.withUnsafeBytes { write(log, $0.baseAddress, $0.count) }
                }
                inFlight.signal()
            }
        }
        store.close()
    }

    private static func spawnChild(stateDirectory: String, acknowledgements: String) throws -> pid_t {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let arguments = [executable, "--testing-library", "swift-testing", "--filter", "durabilityChild"]
        var environment = ProcessInfo.processInfo.environment
        environment[childVariable] = stateDirectory
        environment["SOCSTORE_DURABILITY_ACKS"] = acknowledgements
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var pid: pid_t = 0
        let code = withCStrings(arguments) { argv in
            withCStrings(environmentLines) { envp in posix_spawn(&pid, executable, &actions, nil, argv, envp) }
        }
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
        return pid
    }

    private static func readAcknowledgements(_ path: String) -> [Int64] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        // A line cut short by the kill has no newline yet and was not acknowledged in full.
        return text.split(separator: "\n", omittingEmptySubsequences: true).dropLast(text.hasSuffix("\n") ? 0 : 1)
            .compactMap { Int64($0) }
    }
}

/// Runs `body` with a NULL-terminated C array of `strings`.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
