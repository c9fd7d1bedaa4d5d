import Glibc
import JSONRPC
import Testing

/// socd under `systemd-socket-activate`: started lazily on the first connection, it adopts
/// the socket it is passed and tells the notify socket when it is ready.
@Suite struct SocketActivationTests {
    @Test func startsOnFirstConnectAdoptsTheSocketAndNotifiesReady() throws {
        let scratch = try Scratch()
        let notify = try NotifyListener(path: scratch.file("notify"))
        let activator = try ChildProcess(
            try BuiltProducts.requiredTool("systemd-socket-activate", package: "systemd"),
            [
                "-l", scratch.socket, "-E", "NOTIFY_SOCKET=\(notify.path)", BuiltProducts.socd, "--state-dir",
                scratch.state,
            ],
            outputPrefix: scratch.file("activate"))
        // The activator binds the socket at once; socd is not exec'd until someone connects.
        #expect(eventually(timeout: 10) { access(scratch.socket, F_OK) == 0 }, "\(activator.standardError)")
        #expect(activator.commandName == "systemd-socket-", "socd must not run before the first connection")
        #expect(notify.drain().isEmpty)

        let client = try LineClient(path: scratch.socket)
        try client.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"system.status"}"#)
        let ready = try #require(notify.waitFor("READY=1", timeout: 10), "\(activator.standardError)")
        #expect(ready.contains("MAINPID=\(activator.pid)"), "socd replaced the activator in the same process")
        #expect(activator.commandName == "socd")

        let status = try #require(try client.readJSON(timeout: 10))["result"]
        #expect(status?["listener"] == "activated")
        #expect(status?["pid"] == .int(Int(activator.pid)))
        #expect(status?["socketPath"] == .string(scratch.socket))
        #expect(try client.call("system.ping")["result"] == ["pong": true])

        activator.signal(SIGTERM)
        #expect(activator.waitForExit(timeout: 10))
        #expect(activator.exitStatus == 0, "\(activator.standardError)")
        #expect(notify.waitFor("STOPPING=1") != nil)
    }
}
