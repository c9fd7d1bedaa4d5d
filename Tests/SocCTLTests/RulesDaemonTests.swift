import Glibc
import SocCTL
import SocPOSIX
import Testing

/// The rules commands against the real daemon: the `socd` SwiftPM built next to this test
/// bundle, started in a temporary directory of its own.
@Suite(.enabled(if: BuiltProgram.path("socd") != nil, "socd is not built next to the test bundle"))
struct RulesDaemonTests {
    @Test func theRoomsRuleIsAddedListedCheckedAndRemoved() throws {
        let daemon = try RealDaemon.start()
        defer { daemon.stop() }
        let socket = ["--socket", daemon.socketPath]

        let add = RulesRun(socket + ["rules", "add", "198.51.100.7", "10.0.0.10", "ANY", "80", "DROP"])
        #expect(add.standardError == "")
        #expect(add.standardOutput == "added rule 1 at position 1: 198.51.100.7 → 10.0.0.10 dport 80 DROP\n")

        let list = RulesRun(socket + ["rules", "list"])
        #expect(
            list.standardOutput == """
                #  ID  SOURCE        DESTINATION  SPORT  DPORT  PROTO  ACTION  HITS  EXPIRES  COMMENT
                1   1  198.51.100.7  10.0.0.10    ANY    80     any    DROP       0  -
                1 rule, default policy ACCEPT

                """)

        let blocked = RulesRun(socket + ["rules", "check", "198.51.100.7", "10.0.0.10", "80"])
        #expect(blocked.standardOutput == "DROP by rule 1 (position 1): 198.51.100.7 → 10.0.0.10 dport 80\n")
        let otherPort = RulesRun(socket + ["rules", "check", "198.51.100.7", "10.0.0.10", "443"])
        #expect(otherPort.standardOutput == "ACCEPT by the default policy\n")

        let invalid = RulesRun(socket + ["rules", "add", "198.51.100.7", "10.0.0.10", "ANY", "70000", "DROP"])
        #expect(invalid.status == .failure)
        #expect(invalid.standardError == "socctl: Invalid params: dport: 70000 is outside 0-65535\n")

        let remove = RulesRun(socket + ["rules", "rm", "1"])
        #expect(remove.status == .success)
        #expect(remove.standardOutput == "deleted rule 1\n")
        let afterwards = RulesRun(socket + ["rules", "check", "198.51.100.7", "10.0.0.10", "80"])
        #expect(afterwards.standardOutput == "ACCEPT by the default policy\n")
        #expect(RulesRun(socket + ["rules", "list"]).standardOutput == "0 rules, default policy ACCEPT\n")
    }
}

/// A `socd` process serving a fresh socket and state directory, stopped with SIGTERM.
private struct RealDaemon {
    let pid: pid_t
    let directory: TemporaryDirectory
    var socketPath: String { directory.path + "/socd.sock" }

    static func start() throws -> RealDaemon {
        let directory = try TemporaryDirectory()
        let executable = BuiltProgram.path("socd")!
        let arguments = [
            executable, "--socket", directory.path + "/socd.sock", "--state-dir", directory.path + "/state",
        ]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        // fork is unsafe in a multithreaded process; posix_spawn is not.
        let code = withCStrings(arguments) { argv in
            withCStrings(["PATH=/usr/bin:/bin"]) { envp in posix_spawn(&pid, executable, &actions, nil, argv, envp) }
        }
        guard code == 0 else { throw SystemError(errno: code, function: "posix_spawn", path: executable) }
        let daemon = RealDaemon(pid: pid, directory: directory)
        try daemon.waitUntilItAnswers()
        return daemon
    }

    /// Polls with `system.ping` until the daemon answers, for at most ten seconds.
    private func waitUntilItAnswers() throws {
        let deadline = MonotonicClock.now + 10_000_000_000
        while true {
            if let client = try? RPCClient.connect(path: socketPath),
                (try? client.call(method: "system.ping", params: nil)) != nil
            {
                return
            }
            guard MonotonicClock.now < deadline else {
                stop()
                throw SystemError(errno: ETIMEDOUT, function: "connect", path: socketPath)
            }
            usleep(20_000)
        }
    }

    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        _ = Shell.run("rm -rf '\(directory.path)'")
    }
}

/// Runs `body` with a NULL-terminated C array of `strings`.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
