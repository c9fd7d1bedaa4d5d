import Glibc
import SocCTL
import SocPOSIX
import Testing

/// `socctl watch` as people run it: the built binary in a real terminal (a tmux pane of 120x40)
/// against the built socd, and into a file.
@Suite(
    .enabled(
        if: BuiltProgram.path("socd") != nil && BuiltProgram.socctl != nil,
        "socd and socctl are built next to the test bundle"))
struct WatchTerminalTests {
    @Test(
        .enabled(if: Shell.isInstalled("tmux"), "tmux is not installed ('make test' installs it)"),
        arguments: [WayOut.keyQ, .keyCtrlC, .sigterm])
    func theLiveViewDrawsInATerminalAndRestoresIt(wayOut: WayOut) throws {
        let daemon = try WatchDaemon.start()
        defer { daemon.stop() }
        let directory = daemon.directory
        let tmux = "tmux -S '\(directory)/tmux.sock'"
        let pane = Shell.temporaryFile(
            """
            export LANG=C.UTF-8
            stty -g > '\(directory)/before'
            sh -c 'echo $$ > "\(directory)/pid"; exec "$0" "$@"' '\(BuiltProgram.socctl!)' --socket '\(daemon.socketPath)' watch
            echo $? > '\(directory)/status.new'; mv '\(directory)/status.new' '\(directory)/status'
            stty -g > '\(directory)/after'
            echo 'shell prompt again'
            sleep 600
            """)
        defer { unlink(pane) }
        #expect(Shell.run("\(tmux) new-session -d -x 120 -y 40 'sh \(pane)'").status == 0)
        defer { _ = Shell.run("\(tmux) kill-server") }

        let screen = waitFor(seconds: 15) {
            let text = Shell.run("\(tmux) capture-pane -p").output
            return text.contains("web-server") && text.contains("objective") && text.contains("site ") ? text : nil
        }
        let drawn = try #require(screen, "the view was not drawn")
        for expected in ["┌", "router", "10.0.0.10", "workstation-1", "internet", "verdicts  ACCEPT", "progress  ["] {
            #expect(drawn.contains(expected), "\(expected) missing from:\n\(drawn)")
        }
        #expect(["UP", "DEGRADED", "DOWN"].contains { drawn.contains("site      \($0)") })
        #expect(drawn.contains("objective The web server is flooded"))
        #expect(Shell.run("\(tmux) display -p '#{alternate_on} #{cursor_flag}'").output == "1 0\n")

        switch wayOut {
        case .keyQ: _ = Shell.run("\(tmux) send-keys q")
        case .keyCtrlC: _ = Shell.run("\(tmux) send-keys C-c")
        case .sigterm: _ = Shell.run("kill -TERM $(cat '\(directory)/pid')")
        }
        let status = waitFor(seconds: 10) { () -> String? in
            let text = Shell.read(directory + "/status")
            return text.isEmpty ? nil : text
        }
        #expect(status == "0\n")
        _ = waitFor(seconds: 5) { Shell.read(directory + "/after").isEmpty ? nil : true }
        #expect(Shell.read(directory + "/after") == Shell.read(directory + "/before"), "stty settings restored")
        #expect(Shell.run("\(tmux) display -p '#{alternate_on} #{cursor_flag}'").output == "0 1\n")
        let after = Shell.run("\(tmux) capture-pane -p").output
        #expect(after.contains("shell prompt again"))
        #expect(!after.contains("web-server"))
    }

    enum WayOut: CustomStringConvertible, CaseIterable {
        case keyQ, keyCtrlC, sigterm
        var description: String {
            switch self {
            case .keyQ: "q"
            case .keyCtrlC: "Ctrl-C"
            case .sigterm: "SIGTERM"
            }
        }
    }

    @Test(arguments: ["INT", "TERM"])
    func intoAFileItPrintsAStatusLineASecondUntilInterrupted(signal: String) throws {
        let daemon = try WatchDaemon.start()
        defer { daemon.stop() }
        let output = daemon.directory + "/watch.out"
        let result = Shell.run(
            """
            : >'\(output)'
            '\(BuiltProgram.socctl!)' --socket '\(daemon.socketPath)' watch >'\(output)' 2>&1 & pid=$!
            tries=0
            until [ "$(grep -c tick '\(output)')" -ge 2 ] || [ $tries -ge 2000 ]; do sleep 0.01; tries=$((tries + 1)); done
            kill -\(signal) $pid
            wait $pid
            echo "status=$?"
            """)
        #expect(result.output == "status=0\n")
        let lines = Shell.read(output).split(separator: "\n")
        #expect(lines.count >= 2)
        for line in lines {
            #expect(line.contains(" tick ") && line.contains("  site ") && line.contains("  progress "), "\(line)")
            #expect(!line.contains("\u{1B}"))
        }
    }

    private func waitFor<Value>(seconds: Int, _ probe: () -> Value?) -> Value? {
        for _ in 0..<(seconds * 20) {
            if let value = probe() { return value }
            usleep(50_000)
        }
        return nil
    }
}

/// A socd of its own in a temporary directory, started through the shell (so that no
/// fork happens in this multithreaded process) and stopped with SIGTERM.
struct WatchDaemon {
    let directory: String
    let pid: pid_t
    var socketPath: String { directory + "/socd.sock" }

    static func start() throws -> WatchDaemon {
        let directory = try TemporaryDirectory().path
        let socd = BuiltProgram.path("socd")!
        _ = Shell.run(
            "'\(socd)' --socket '\(directory)/socd.sock' --state-dir '\(directory)/state' </dev/null >/dev/null 2>&1 & "
                + "echo $! > '\(directory)/socd.pid'")
        let pid = pid_t(Shell.read(directory + "/socd.pid").filter(\.isNumber)) ?? 0
        let daemon = WatchDaemon(directory: directory, pid: pid)
        for _ in 0..<500 {
            if let client = try? RPCClient.connect(path: daemon.socketPath),
                (try? client.call(method: "system.ping", params: nil)) != nil
            {
                return daemon
            }
            usleep(20_000)
        }
        daemon.stop()
        throw SystemError(errno: ETIMEDOUT, function: "connect", path: daemon.socketPath)
    }

    func stop() {
        if pid > 0 {
            kill(pid, SIGTERM)
            for _ in 0..<250 where kill(pid, 0) == 0 { usleep(20_000) }
        }
        _ = Shell.run("rm -rf '\(directory)'")
    }
}
