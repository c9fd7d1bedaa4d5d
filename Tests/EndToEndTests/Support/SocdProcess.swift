import Glibc
import SocPOSIX
import Testing

/// A `socd` the test spawned on its scratch directory's socket and state dir.
final class SocdProcess {
    let scratch: Scratch
    let process: ChildProcess
    let socketPath: String

    /// Spawns socd. `arguments` come after `--socket` and `--state-dir`; pass `bindsOwnSocket:
    /// false` to leave both out and supply your own.
    init(
        _ scratch: Scratch, _ arguments: [String] = [], socketPath: String? = nil, environment: [String: String?] = [:],
        name: String = "socd"
    ) throws {
        self.scratch = scratch
        self.socketPath = socketPath ?? scratch.socket
        process = try ChildProcess(
            BuiltProducts.socd, ["--socket", self.socketPath, "--state-dir", scratch.state] + arguments,
            environment: environment, outputPrefix: scratch.file(name))
    }

    /// Waits until the socket accepts a connection (the daemon is serving), failing the test
    /// with the daemon's stderr if it exits first or takes longer than `timeout`.
    @discardableResult
    func waitUntilServing(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> Self {
        let served = eventually(timeout: timeout, interval: 0.002) {
            if process.hasExited { return true }
            guard let probe = try? UnixSocket.connect(path: socketPath) else { return false }
            try? probe.close()
            return true
        }
        if process.hasExited || !served {
            Issue.record(
                "socd did not start serving (exit \(String(describing: process.exitStatus))): \(process.standardError)",
                sourceLocation: sourceLocation)
            throw ClientError("socd did not start")
        }
        return self
    }

    func connect() throws -> LineClient { try LineClient(path: socketPath) }

    /// SIGTERM, then the exit status (nil when it did not exit in `timeout` or died of a signal).
    func terminate(timeout: Double = 10) -> Int32? {
        process.signal(SIGTERM)
        guard process.waitForExit(timeout: timeout) else { return nil }
        return process.exitStatus
    }

    var standardError: String { process.standardError }
}

extension Scratch {
    /// A socd on this directory, already serving.
    func startSocd(_ arguments: [String] = [], environment: [String: String?] = [:]) throws -> SocdProcess {
        try SocdProcess(self, arguments, environment: environment).waitUntilServing()
    }
}
