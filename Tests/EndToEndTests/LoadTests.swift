import Foundation
import Glibc
import JSONRPC
import SocPOSIX
import Synchronization
import Testing

/// Many connections at once, and clients that misbehave, without hurting anyone else.
@Suite struct LoadTests {
    @Test func aThousandConnectionsAreServedAtOnce() throws {
        let count = 1000
        // Each connection costs this process a descriptor too.
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < 4096 {
            limit.rlim_cur = min(limit.rlim_max, 8192)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        try #require(limit.rlim_cur >= UInt(count + 200), "RLIMIT_NOFILE is \(limit.rlim_cur)")

        let scratch = try Scratch()
        let socd = try scratch.startSocd()
        var clients: [LineClient] = []
        for _ in 0..<count { clients.append(try socd.connect()) }
        // Every request goes out before any reply is read: all of them are open and busy at once.
        for (index, client) in clients.enumerated() {
            try client.sendLine(#"{"jsonrpc":"2.0","id":\#(index),"method":"system.ping"}"#)
        }
        for (index, client) in clients.enumerated() {
            let reply = try client.readText(timeout: 10)
            #expect(reply == #"{"id":\#(index),"jsonrpc":"2.0","result":{"pong":true}}"#)
        }
        let status = try clients[0].result("system.status")
        #expect(status["connections"]?.intValue ?? 0 >= count)
        let resident = status["residentBytes"]?.intValue ?? 0
        #expect(resident < 60 << 20, "RSS \(resident) bytes with \(count) connections")
        clients.removeAll()
        let watcher = try socd.connect()
        #expect(try eventually(timeout: 10) { try watcher.result("system.status")["connections"] == 1 })
        #expect(socd.terminate() == 0)
    }

    @Test func aClientThatNeverReadsIsCutOffWhileOthersStayFast() throws {
        let scratch = try Scratch()
        let socd = try scratch.startSocd(["--max-output-bytes", "65536"])
        let hog = try socd.connect()
        let hogState = HogState()
        let line = Array(#"{"jsonrpc":"2.0","id":1,"method":"system.status"}"#.utf8) + [0x0A]
        let chunk = Array((0..<200).map { _ in line }.joined())
        let hogDescriptor = hog.descriptor
        let writer = try PosixThread.spawn(name: "hog") {
            // Writes requests and never reads a reply, until socd hangs up.
            let deadline = Deadline(seconds: 30)
            while !deadline.hasPassed {
                do {
                    try chunk.withUnsafeBytes { try hogDescriptor.sendAll($0) }
                    hogState.sentBytes.add(chunk.count, ordering: .relaxed)
                } catch {
                    hogState.wasCutOff.store(true, ordering: .relaxed)
                    return
                }
            }
        }

        let other = try socd.connect()
        var latencies: [Double] = []
        while !hogState.wasCutOff.load(ordering: .relaxed) && latencies.count < 5000 {
            let start = Deadline.now
            #expect(try other.call("system.ping")["result"] == ["pong": true])
            latencies.append(secondsSince(start))
        }
        try writer.join()
        let cutOff = hogState.wasCutOff.load(ordering: .relaxed)
        let sentBytes = hogState.sentBytes.load(ordering: .relaxed)
        #expect(cutOff, "the client that never reads was not cut off after sending \(sentBytes) bytes")
        #expect(eventually(timeout: 10) { socd.standardError.contains("not reading its") }, "\(socd.standardError)")
        latencies.sort()
        let p99 = latencies.isEmpty ? 0 : latencies[latencies.count * 99 / 100]
        #expect(p99 < 0.1, "ping p99 \(p99 * 1000) ms while another client flooded socd")
        #expect(try other.call("system.ping")["result"] == ["pong": true])
        #expect(try eventually(timeout: 10) { try other.result("system.status")["connections"] == 1 })
        #expect(socd.terminate() == 0)
    }

    @Test func aClientDribblingOneByteAtATimeDoesNotBlockOthers() throws {
        let scratch = try Scratch()
        let socd = try scratch.startSocd(["--event-loops", "1"])
        let slow = try socd.connect()
        let request = Array(#"{"jsonrpc":"2.0","id":"slow","method":"system.ping"}"#.utf8) + [0x0A]
        let other = try socd.connect()
        // One loop thread serves both: the dribble must never hold it.
        for (index, byte) in request.enumerated() {
            try slow.send(bytes: [byte])
            if index % 4 == 0 {
                let start = Deadline.now
                #expect(try other.call("system.ping")["result"] == ["pong": true])
                #expect(secondsSince(start) < 0.5)
            }
            if index < request.count - 1 {
                #expect(try slow.readLine(timeout: 0.002) == nil, "answered before the line was complete")
            }
        }
        #expect(try slow.readText(timeout: 10) == #"{"id":"slow","jsonrpc":"2.0","result":{"pong":true}}"#)
        #expect(socd.terminate() == 0)
    }

    @Test func aClientThatDisconnectsMidRequestLeavesNothingBehind() throws {
        let scratch = try Scratch()
        let socd = try scratch.startSocd()
        let observer = try socd.connect()
        for round in 0..<20 {
            let leaver = try socd.connect()
            _ = try leaver.result("events.subscribe")
            // A durable write in flight, half a request behind it, then gone.
            try leaver.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"system.setLogLevel","params":{"level":"debug"}}"#)
            try leaver.send(#"{"jsonrpc":"2.0","id":2,"meth"#)
            if round % 2 == 0 { leaver.close() }
        }
        #expect(
            try eventually(timeout: 10) {
                let status = try observer.result("system.status")
                return status["connections"] == 1 && status["subscriptions"] == 0
            })
        #expect(try observer.call("system.ping")["result"] == ["pong": true])
        // Writes a leaver left in flight still commit, after it is gone. A leaver that closed with
        // events unread reset its connection, and the kernel may have dropped what it sent; but
        // the first leaver had nothing unread, so its write at least is carried out.
        var audited: [JSONValue] = []
        #expect(
            try eventually(timeout: 10) {
                audited = try observer.result("audit.list")["entries"]?.arrayValue ?? []
                return !audited.isEmpty
            })
        #expect(audited.count <= 20)
        #expect(audited.allSatisfy { $0["outcome"] == "ok" && $0["method"] == "system.setLogLevel" })
        #expect(socd.terminate() == 0)
    }
}

/// What the flooding thread reports to the test.
final class HogState: Sendable {
    let wasCutOff = Atomic<Bool>(false)
    let sentBytes = Atomic<Int>(0)
}
