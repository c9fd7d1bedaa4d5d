import Glibc
import SocPOSIX
import Testing

@testable import SocDaemon

/// The systemd protocols against real sockets. Tests that set or read the variables systemd
/// passes (NOTIFY_SOCKET, LISTEN_*, WATCHDOG_*, JOURNAL_STREAM) are in this serialized suite.
@Suite(.serialized) struct SystemdEnvironmentTests {
    @Test func notifySendsTheStateAsOneDatagramToNotifySocket() throws {
        let directory = try SystemdTestDirectory()
        defer { directory.remove() }
        let path = directory.appending("notify.sock")
        let receiver = try UnixDatagramSocket.bind(path: path, nonblocking: true)
        defer { try? receiver.close() }
        try Environment.set("NOTIFY_SOCKET", to: path)
        defer { try? Environment.unset("NOTIFY_SOCKET") }

        #expect(Systemd.notify("READY=1"))
        #expect(try receiver.readDatagram() == "READY=1")
        #expect(Systemd.notify("STATUS=serving 2 clients\nWATCHDOG=1"))
        #expect(try receiver.readDatagram() == "STATUS=serving 2 clients\nWATCHDOG=1")
        #expect(try receiver.readDatagram() == nil)
    }

    @Test func notifyWithoutNotifySocketReportsNotDelivered() throws {
        try Environment.unset("NOTIFY_SOCKET")
        #expect(!Systemd.notify("READY=1"))
    }

    @Test func notifyToAMissingSocketReportsNotDelivered() throws {
        let directory = try SystemdTestDirectory()
        defer { directory.remove() }
        try Environment.set("NOTIFY_SOCKET", to: directory.appending("nobody.sock"))
        defer { try? Environment.unset("NOTIFY_SOCKET") }

        #expect(!Systemd.notify("READY=1"))
    }

    @Test func watchdogIntervalComesFromWatchdogUsecForThisProcess() throws {
        defer {
            try? Environment.unset("WATCHDOG_USEC")
            try? Environment.unset("WATCHDOG_PID")
        }
        try Environment.unset("WATCHDOG_USEC")
        try Environment.unset("WATCHDOG_PID")
        #expect(Systemd.watchdogInterval() == nil)

        try Environment.set("WATCHDOG_USEC", to: "1500000")
        try Environment.set("WATCHDOG_PID", to: String(getpid()))
        #expect(Systemd.watchdogInterval() == .milliseconds(1500))

        // Meant for another process (one we forked from, say): not ours to honour.
        try Environment.set("WATCHDOG_PID", to: String(getpid() + 1))
        #expect(Systemd.watchdogInterval() == nil)
    }

    @Test func listenDescriptorsMeantForAnotherProcessAreIgnoredAndTheVariablesCleared() throws {
        try Environment.set("LISTEN_PID", to: String(getpid() + 1))
        try Environment.set("LISTEN_FDS", to: "1")
        try Environment.set("LISTEN_FDNAMES", to: "socd")
        defer {
            try? Environment.unset("LISTEN_PID")
            try? Environment.unset("LISTEN_FDS")
            try? Environment.unset("LISTEN_FDNAMES")
        }

        #expect(try Systemd.listenFileDescriptors().isEmpty)
        #expect(Environment.get("LISTEN_PID") == nil)
        #expect(Environment.get("LISTEN_FDS") == nil)
        #expect(Environment.get("LISTEN_FDNAMES") == nil)
    }

    @Test func withoutListenVariablesThereAreNoDescriptors() throws {
        try Environment.unset("LISTEN_PID")
        try Environment.unset("LISTEN_FDS")
        #expect(try Systemd.listenFileDescriptors().isEmpty)
    }

    @Test func stderrIsJournalStreamOnlyWhenDeviceAndInodeMatch() throws {
        defer { try? Environment.unset("JOURNAL_STREAM") }
        let status = try FileSystem.status(of: .standardError)

        try Environment.unset("JOURNAL_STREAM")
        #expect(!Systemd.stderrIsJournalStream())
        try Environment.set("JOURNAL_STREAM", to: "\(status.device):\(status.inode)")
        #expect(Systemd.stderrIsJournalStream())
        try Environment.set("JOURNAL_STREAM", to: "\(status.device):\(status.inode &+ 1)")
        #expect(!Systemd.stderrIsJournalStream())
        try Environment.set("JOURNAL_STREAM", to: "garbage")
        #expect(!Systemd.stderrIsJournalStream())
    }
}

/// Socket activation for real: `systemd-socket-activate` binds a socket and, on the first
/// connection, execs this test binary with the socket on fd 3 to run only `activationProbe`,
/// which reports what `Systemd.listenFileDescriptors` found. In-process the test could not
/// own fd 3: the test runner and parallel tests open descriptors at any moment.
@Suite struct SocketActivationTests {
    static let reportVariable = "SOCD_TEST_ACTIVATION_REPORT"

    @Test(.enabled(if: FileSystem.isExecutable("/usr/bin/systemd-socket-activate")))
    func adoptsTheSocketSystemdPasses() throws {
        let directory = try SystemdTestDirectory()
        defer { directory.remove() }
        let socketPath = directory.appending("activated.sock")
        let reportPath = directory.appending("report")
        let logPath = directory.appending("probe.log")
        let testBinary = try #require(currentExecutablePath())

        let child = try spawn(
            "/usr/bin/systemd-socket-activate",
            arguments: [
                "--listen=\(socketPath)", "--fdname=socd-api", "--setenv=\(Self.reportVariable)=\(reportPath)",
                "--", testBinary, "--testing-library", "swift-testing", "--filter", "activationProbe",
            ],
            outputPath: logPath)
        // The first connection is what makes systemd-socket-activate start the service.
        let client = try connectWhenListening(path: socketPath, within: .seconds(10))
        defer { try? client?.close() }
        try Array("hello\n".utf8).withUnsafeBytes { try client?.sendAll($0) }
        let status = try waitForExit(child, within: .seconds(120))

        #expect(client != nil, "systemd-socket-activate never listened")
        #expect(status == 0, "probe output: \(readFile(logPath) ?? "none")")
        let report = try #require(readFile(reportPath), "the probe did not run: \(readFile(logPath) ?? "")")
        #expect(
            report.split(separator: "\n").map(String.init) == [
                "count=1", "fd=3", "name=socd-api", "sd_is_socket_unix=true", "listening=true",
                "received=hello", "LISTEN_FDS=unset", "LISTEN_PID=unset", "LISTEN_FDNAMES=unset",
            ])
    }

    /// Runs only inside the process `adoptsTheSocketSystemdPasses` starts.
    @Test(.enabled(if: Environment.get(reportVariable) != nil))
    func activationProbe() throws {
        let reportPath = try #require(Environment.get(Self.reportVariable))
        let listened = try Systemd.listenFileDescriptors()
        var lines = ["count=\(listened.count)"]
        if let first = listened.first {
            lines.append("fd=\(first.descriptor.rawValue)")
            lines.append("name=\(first.name)")
            lines.append("sd_is_socket_unix=\(Systemd.isUnixStreamSocket(first.descriptor))")
            lines.append("listening=\(UnixSocket.isListeningUnixStreamSocket(first.descriptor))")
            // The passed descriptor is the one bound to the path: the test's connection is on it.
            let connection = try UnixSocket.accept(first.descriptor, nonblocking: false)
            defer { try? connection?.close() }
            var buffer = [UInt8](repeating: 0, count: 64)
            if let connection,
                case .bytes(let count) = try buffer.withUnsafeMutableBytes({ try connection.read(into: $0) })
            {
                lines.append("received=" + String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n")[0])
            }
        }
        for name in ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"] {
            lines.append("\(name)=\(Environment.get(name) ?? "unset")")
        }
        try writeFile(reportPath, lines.joined(separator: "\n") + "\n")
    }
}

@Suite struct SystemdSocketTests {
    @Test func isUnixStreamSocketAcceptsOnlyListeningStreamSockets() throws {
        let directory = try SystemdTestDirectory()
        defer { directory.remove() }
        let listener = try UnixSocket.listen(path: directory.appending("socd.sock"), mode: 0o600)
        defer { try? listener.close() }
        let (local, peer) = try UnixSocket.socketPair()
        defer {
            try? local.close()
            try? peer.close()
        }
        let datagram = try UnixDatagramSocket.bind(path: directory.appending("dgram.sock"))
        defer { try? datagram.close() }

        #expect(Systemd.isUnixStreamSocket(listener))
        #expect(!Systemd.isUnixStreamSocket(local))
        #expect(!Systemd.isUnixStreamSocket(datagram))
        let event = try EventFD()
        defer { try? event.close() }
        #expect(!Systemd.isUnixStreamSocket(event.fileDescriptor))
    }
}

@Suite struct JournalTests {
    @Test func entryHasMessagePriorityAndFieldsInOrder() {
        let entries = Journal.entries(
            priority: .warning, message: "rule added\nby root",
            fields: [(name: "SOCD_METHOD", value: "rules.add"), (name: "SOCD_UID", value: "0")])
        #expect(entries == ["MESSAGE=rule added\nby root", "PRIORITY=4", "SOCD_METHOD=rules.add", "SOCD_UID=0"])
    }

    @Test(arguments: [
        ("SOCD_METHOD", true), ("CODE_LINE", true), ("A1", true), ("_PID", false), ("socd", false),
        ("1ABC", false), ("", false), ("WITH-DASH", false), (String(repeating: "A", count: 65), false),
    ])
    func fieldNames(name: String, valid: Bool) {
        #expect(Journal.isValidFieldName(name) == valid)
    }

    @Test func priorityNumbersAreSyslogs() {
        #expect(JournalPriority.allCases.map(\.rawValue) == Array(0...7))
        #expect(JournalPriority.error.rawValue == LOG_ERR)
        #expect(JournalPriority.debug.rawValue == LOG_DEBUG)
    }

    @Test func sendAcceptsAWellFormedEntryWhetherOrNotAJournalRuns() {
        // sd_journal_sendv drops entries silently when no journal listens, so all this can
        // show is that the entry itself is well formed (malformed vectors fail with EINVAL).
        let sent = Journal.send(
            priority: .debug, message: "socd test entry\nsecond line",
            fields: [(name: "SOCD_TEST", value: "1")])
        #expect(sent)
    }
}

// MARK: - Helpers

/// A fresh directory under /tmp for one test, removed with its contents afterwards.
private struct SystemdTestDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/socd-systemd-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw SystemError.current(function: "mkdtemp")
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func appending(_ name: String) -> String {
        path + "/" + name
    }

    /// The tests here create only plain files and sockets, no subdirectories.
    func remove() {
        guard let directory = opendir(path) else {
            return
        }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." {
                unlink(appending(name))
            }
        }
        closedir(directory)
        rmdir(path)
    }
}

extension FileDescriptor {
    /// One datagram as text, or nil when none is waiting.
    fileprivate func readDatagram() throws -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let result = try buffer.withUnsafeMutableBytes { try read(into: $0) }
        guard case .bytes(let count) = result else {
            return nil
        }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}

extension FileSystem {
    fileprivate static func isExecutable(_ path: String) -> Bool {
        access(path, X_OK) == 0
    }
}

private func currentExecutablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else {
        return nil
    }
    return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

private func readFile(_ path: String) -> String? {
    let raw = open(path, O_RDONLY | O_CLOEXEC)
    guard raw >= 0 else {
        return nil
    }
    let file = FileDescriptor(rawValue: raw)
    defer { try? file.close() }
    var contents: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while case .bytes(let count) = (try? buffer.withUnsafeMutableBytes { try file.read(into: $0) }) {
        contents += buffer[..<count]
    }
    return String(decoding: contents, as: UTF8.self)
}

private func writeFile(_ path: String, _ text: String) throws {
    let raw = try check(open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644), "open")
    let file = FileDescriptor(rawValue: raw)
    defer { try? file.close() }
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let result = try bytes[offset...].withUnsafeBytes { try file.write($0) }
        guard case .written(let count) = result else {
            throw SystemError(errno: EAGAIN, function: "write", path: path)
        }
        offset += count
    }
}

private func check(_ result: Int32, _ function: String) throws -> Int32 {
    guard result >= 0 else {
        throw SystemError.current(function: function)
    }
    return result
}

/// Starts `executable` with `arguments`, standard output and error going to `outputPath`.
private func spawn(_ executable: String, arguments: [String], outputPath: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer {
        for argument in argv {
            free(argument)
        }
    }
    var pid: pid_t = 0
    let spawnError = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawnError == 0 else {
        throw SystemError(errno: spawnError, function: "posix_spawn", path: executable)
    }
    return pid
}

/// Connects to `path` as soon as something listens there; nil if nothing does within `limit`.
private func connectWhenListening(path: String, within limit: Duration) throws -> FileDescriptor? {
    let deadline = MonotonicClock.now + UInt64(limit.components.seconds) * 1_000_000_000
    while MonotonicClock.now < deadline {
        // A Result rather than do/catch: Swift 6.3.1 crashes compiling `return try` inside a
        // do/catch with a typed-throws body in a loop.
        switch Result(catching: { () throws(SystemError) in try UnixSocket.connect(path: path, timeout: .seconds(1)) })
        {
        case .success(let socket):
            return socket
        case .failure(let error) where error.errno == ENOENT || error.errno == ECONNREFUSED:
            usleep(10_000)
        case .failure(let error):
            throw error
        }
    }
    return nil
}

/// Waits for `pid` to exit and returns its exit status (128 + signal number when a signal
/// ended it). Kills it and returns nil after `limit`, so a stuck child cannot hang the tests.
private func waitForExit(_ pid: pid_t, within limit: Duration) throws -> Int32? {
    let deadline = MonotonicClock.now + UInt64(limit.components.seconds) * 1_000_000_000
    var status: Int32 = 0
    while true {
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            break
        }
        if result == -1 && errno != EINTR {
            throw SystemError.current(function: "waitpid")
        }
        if MonotonicClock.now >= deadline {
            kill(pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            return nil
        }
        usleep(10_000)
    }
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
}
