import Glibc
import JSONRPC
import SocPOSIX
import Testing

/// Start-up readiness, SIGTERM with work in flight, and `--exit-idle`.
@Suite struct LifecycleTests {
    @Test func readyIsSentOnlyOnceTheSocketAccepts() throws {
        let scratch = try Scratch()
        let notify = try NotifyListener(path: scratch.file("notify"))
        let socd = try SocdProcess(scratch, environment: ["NOTIFY_SOCKET": notify.path])
        let ready = try #require(notify.waitFor("READY=1", timeout: 10), "no READY=1: \(socd.standardError)")
        // No retry: the first connection after READY=1 must be accepted and served.
        let client = try LineClient(path: scratch.socket)
        #expect(try client.call("system.ping")["result"] == ["pong": true])
        #expect(ready.contains("MAINPID=\(socd.process.pid)"))
        #expect(ready.contains("STATUS=Serving \(scratch.socket)"))
        #expect(socd.terminate() == 0)
        #expect(notify.waitFor("STOPPING=1") != nil)
    }

    @Test func sigtermLetsInFlightWritesFinishThenExitsZero() throws {
        let scratch = try Scratch()
        let notify = try NotifyListener(path: scratch.file("notify"))
        let socd = try SocdProcess(scratch, environment: ["NOTIFY_SOCKET": notify.path]).waitUntilServing()
        let client = try socd.connect()
        let levels = ["debug", "notice", "warning", "error"]
        // Small enough (under a page) to arrive in one read, so socd has all of it before the signal.
        let count = 40
        var burst = ""
        for index in 0..<count {
            burst +=
                #"{"jsonrpc":"2.0","id":\#(index),"method":"system.setLogLevel","params":{"level":"\#(levels[index % 4])"}}"#
            burst += "\n"
        }
        try client.send(burst)
        // Once the first durable reply is here socd is at work on the burst: stop it now.
        let first = try #require(try client.readJSON(timeout: 10))
        #expect(first["id"] == 0 && first["result"] != nil)
        socd.process.signal(SIGTERM)

        var answered = 1
        while let reply = try client.readJSON(timeout: 10) {
            #expect(reply["id"] == .int(answered), "replies stay in order")
            #expect(reply["result"]?["level"] == .string(levels[answered % 4]))
            answered += 1
        }
        #expect(client.reachedEndOfFile, "socd closes the connection once its replies are out")
        // socd had read the whole burst before the
        // signal, so every request is answered although most were still queued at SIGTERM.
        #expect(answered == count)
        #expect(socd.process.waitForExit(timeout: 10))
        #expect(socd.process.exitStatus == 0, "\(socd.standardError)")
        #expect(notify.waitFor("STOPPING=1") != nil)

        // What was acknowledged is what the next start finds.
        let again = try scratch.startSocd()
        let status = try again.connect().result("system.status")
        #expect(status["logLevel"] == .string(levels[(answered - 1) % 4]))
        #expect(again.terminate() == 0)
    }

    @Test func exitIdleExitsZeroAfterTheIdleTimeWithNoConnections() throws {
        let scratch = try Scratch()
        let started = Deadline.now
        let socd = try SocdProcess(scratch, ["--exit-idle", "1"]).waitUntilServing()
        #expect(socd.process.waitForExit(timeout: 10))
        let elapsed = secondsSince(started)
        #expect(socd.process.exitStatus == 0, "\(socd.standardError)")
        #expect(elapsed >= 0.9 && elapsed < 4, "exited after \(elapsed) s")
        #expect(socd.standardError.contains("idle"))
    }

    @Test func exitIdleWaitsWhileAConnectionIsOpen() throws {
        let scratch = try Scratch()
        let socd = try SocdProcess(scratch, ["--exit-idle", "1"]).waitUntilServing()
        let client = try socd.connect()
        #expect(try client.result("system.status")["exitIdleSeconds"]?.doubleValue == 1)
        #expect(!socd.process.waitForExit(timeout: 2), "socd left while a client was connected")
        #expect(try client.call("system.ping")["result"] == ["pong": true])
        let closed = Deadline.now
        client.close()
        #expect(socd.process.waitForExit(timeout: 10))
        #expect(socd.process.exitStatus == 0)
        let elapsed = secondsSince(closed)
        #expect(elapsed >= 0.9 && elapsed < 4, "exited \(elapsed) s after the last connection closed")
    }
}
