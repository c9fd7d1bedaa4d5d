import Glibc
import JSONRPC
import SocCTL
import SocPOSIX
import SocProtocol
import Testing

@Suite struct RPCClientTests {
    @Test func requestLinesAreCompactWithSortedKeysAndIncreasingIDs() throws {
        let (client, server) = try FakeServer.pair { request, _ in
            .lines(FakeServer.result(["pong": true], for: request))
        }
        _ = try client.call(PingRequest.self, RPCNoParams())
        _ = try client.call(method: "system.setLogLevel", params: ["level": "debug"])
        _ = try client.call(method: "audit.list", params: ["limit": 2, "method": "system.setLogLevel"])
        client.close()
        #expect(
            server.finish() == [
                #"{"id":1,"jsonrpc":"2.0","method":"system.ping"}"#,
                #"{"id":2,"jsonrpc":"2.0","method":"system.setLogLevel","params":{"level":"debug"}}"#,
                #"{"id":3,"jsonrpc":"2.0","method":"audit.list","params":{"limit":2,"method":"system.setLogLevel"}}"#,
            ])
    }

    @Test func typedCallDecodesTheResult() throws {
        let (client, server) = try FakeServer.pair { request, _ in
            .lines(FakeServer.result(["previous": "info", "level": "debug"], for: request))
        }
        let change = try client.call(SetLogLevelRequest.self, .init(level: .debug))
        #expect(change == SetLogLevelRequest.Result(previous: .info, level: .debug))
        client.close()
        #expect(
            server.finish() == [#"{"id":1,"jsonrpc":"2.0","method":"system.setLogLevel","params":{"level":"debug"}}"#])
    }

    @Test func notificationsBeforeTheReplyAreQueuedInOrder() throws {
        let (client, server) = try FakeServer.pair { request, _ in
            .lines(
                FakeServer.event(topic: "system", data: ["event": "first"]),
                FakeServer.event(topic: "audit", data: ["id": 1]),
                FakeServer.result(["pong": true], for: request))
        }
        let result = try client.call(method: "system.ping", params: nil)
        #expect(result == ["pong": true])
        #expect(client.hasPendingNotifications)
        let queued = client.takeNotifications()
        #expect(queued.map(\.method) == ["events.event", "events.event"])
        #expect(queued.map { $0.event?.topic } == [.system, .audit])
        #expect(queued[0].event?.data == ["event": "first"])
        #expect(client.takeNotifications().isEmpty)
        client.close()
        _ = server.finish()
    }

    @Test func aCallWithoutAReplyTimesOutAfterTheReplyTimeout() throws {
        let (client, server) = try FakeServer.pair { _, _ in .lines() }
        client.replyTimeout = .milliseconds(200)
        let start = ContinuousClock.now
        let error = try #require(throws: ClientError.self) { try client.call(method: "system.ping", params: nil) }
        let waited = ContinuousClock.now - start
        #expect(error.reason == .timedOut(seconds: 0.2))
        #expect(error.method == "system.ping")
        #expect(waited >= .milliseconds(200) && waited < .seconds(5))
        client.close()
        _ = server.finish()
    }

    @Test func aSlowReplyWithinTheTimeoutArrives() throws {
        let (client, server) = try FakeServer.pair { request, _ in
            usleep(100_000)
            return .lines(FakeServer.result(["pong": true], for: request))
        }
        client.replyTimeout = .seconds(5)
        #expect(try client.call(method: "system.ping", params: nil) == ["pong": true])
        client.close()
        _ = server.finish()
    }

    @Test func aReplyForAnotherIDIsAProtocolViolation() throws {
        let (client, server) = try FakeServer.pair { _, _ in
            .lines(#"{"id":7,"jsonrpc":"2.0","result":{}}"#)
        }
        let error = try #require(throws: ClientError.self) { try client.call(method: "system.ping", params: nil) }
        #expect(error.reason == .protocolViolation("a reply with id 7 while waiting for id 1"))
        #expect(error.exitStatus == .software)
        #expect(
            error.message
                == "the daemon at fake.sock sent an invalid reply to system.ping: a reply with id 7 while waiting for id 1"
        )
        client.close()
        _ = server.finish()
    }

    @Test(arguments: [
        (#"junk"#, "unparsable JSON (unexpected character 'j' at byte 0)"),
        (#"[1]"#, "expected a JSON object, got array"),
        (#"{"id":1,"result":{}}"#, #"missing "jsonrpc": "2.0""#),
        (#"{"id":1,"jsonrpc":"2.0"}"#, #"a reply must have exactly one of "result" and "error""#),
        (
            #"{"id":1,"jsonrpc":"2.0","error":{"code":"x"}}"#,
            #"an error without an integer "code" and a string "message""#
        ),
        (#"{"id":1,"jsonrpc":"2.0","method":"ask.client"}"#, "unexpected request from the server"),
    ])
    func malformedRepliesAreProtocolViolations(line: String, detail: String) throws {
        let (client, server) = try FakeServer.pair { _, _ in .lines(line) }
        let error = try #require(throws: ClientError.self) { try client.call(method: "system.ping", params: nil) }
        #expect(error.reason == .protocolViolation(detail))
        client.close()
        _ = server.finish()
    }

    @Test func anOversizedReplyIsAProtocolViolation() throws {
        let big = String(repeating: "x", count: 200)
        let (client, server) = try FakeServer.pair(maximumLineLength: 64) { request, _ in
            .lines(FakeServer.result(.string(big), for: request))
        }
        let error = try #require(throws: ClientError.self) { try client.call(method: "system.ping", params: nil) }
        guard case .protocolViolation(let detail) = error.reason else {
            Issue.record("expected a protocol violation, got \(error)")
            return
        }
        #expect(detail.hasSuffix("(the limit is 64)"))
        client.close()
        _ = server.finish()
    }

    @Test func anErrorReplyIsThrownWithTheDaemonsError() throws {
        let refusal = RPCError.permissionDenied("uid 1000 may read but not change state")
        let (client, server) = try FakeServer.pair { request, _ in .lines(FakeServer.error(refusal, for: request)) }
        let error = try #require(throws: ClientError.self) {
            try client.call(SetLogLevelRequest.self, .init(level: .debug))
        }
        #expect(error.rpcError == refusal)
        #expect(error.exitStatus == .failure)
        #expect(error.message == "uid 1000 may read but not change state")
        // The connection stays usable after an error reply.
        client.close()
        _ = server.finish()
    }

    @Test func anErrorMessageNamesTheFieldWhenItDoesNotAlready() {
        let named = ClientError.errorReply(
            .invalidParams(field: "level", "expected one of trace, debug"), socketPath: "s", method: "m")
        #expect(named.message == "Invalid params: level: expected one of trace, debug")
        let unnamed = ClientError.errorReply(
            RPCError(code: -32602, message: "Invalid params", data: ["field": "limit"]), socketPath: "s", method: "m")
        #expect(unnamed.message == "Invalid params (field 'limit')")
    }

    @Test func anErrorWithANullIDAnswersTheRequestInFlight() throws {
        let (client, server) = try FakeServer.pair { _, _ in
            .lines(#"{"error":{"code":-32700,"message":"Parse error: x"},"id":null,"jsonrpc":"2.0"}"#)
        }
        let error = try #require(throws: ClientError.self) { try client.call(method: "system.ping", params: nil) }
        #expect(error.rpcError?.code == RPCErrorCode.parseError)
        client.close()
        _ = server.finish()
    }

    @Test func theDaemonClosingBeforeTheReplyIsDisconnected() throws {
        let (client, server) = try FakeServer.pair { _, _ in .close(after: FakeServer.event(topic: "system", data: [:]))
        }
        let error = try #require(throws: ClientError.self) { try client.call(method: "system.status", params: nil) }
        #expect(error.reason == .disconnected)
        #expect(error.exitStatus == .unavailable)
        #expect(
            error.message
                == "the daemon at fake.sock closed the connection while waiting for the reply to system.status")
        // What arrived before the close is still there.
        #expect(client.takeNotifications().count == 1)
        _ = server.finish()
    }

    @Test func aResultOfTheWrongShapeIsAProtocolViolation() throws {
        let (client, server) = try FakeServer.pair { request, _ in
            .lines(FakeServer.result(["pong": "yes"], for: request))
        }
        let error = try #require(throws: ClientError.self) { try client.call(PingRequest.self, RPCNoParams()) }
        #expect(error.reason == .protocolViolation("the result does not fit: pong: expected boolean, got string"))
        client.close()
        _ = server.finish()
    }

    @Test func notificationsLoopDeliversUntilTheBodyStopsOrTheDaemonCloses() throws {
        let events = (1...3).map { FakeServer.event(topic: "system", data: ["n": .int($0)]) }
        let (client, server) = try FakeServer.pair(greeting: events) { _, _ in FakeServer.Reply(lines: [], closes: true)
        }
        var seen: [JSONValue] = []
        try client.notifications { notification in
            seen.append(notification.event!.data)
            return seen.count < 2
        }
        #expect(seen == [["n": 1], ["n": 2]])
        #expect(try client.nextNotification()?.event?.data == ["n": 3])
        // The server closes once it reads a line; send one so that it does.
        _ = try? client.call(method: "system.ping", params: nil)
        let afterClose = try client.nextNotification()
        #expect(afterClose == nil)
        _ = server.finish()
    }

    @Test(.timeLimit(.minutes(1)))
    func aNotificationReadTogetherWithTheReplyIsDeliveredWithoutAnotherRead() throws {
        let (client, server) = try FakeServer.pair { request, line in
            // The second request only lets the server finish; it is not answered.
            line.contains("system.ping")
                ? .lines(
                    FakeServer.result(["pong": true], for: request), FakeServer.event(topic: "system", data: ["n": 1]))
                : FakeServer.Reply(lines: [], closes: true)
        }
        _ = try client.call(method: "system.ping", params: nil)
        // The server is silent now: a blocking read here would never return.
        #expect(try client.nextNotification()?.event?.data == ["n": 1])
        _ = try? client.call(method: "system.status", params: nil)
        _ = server.finish()
    }

    @Test func unsolicitedReplyOutsideACallIsAProtocolViolation() throws {
        let (client, server) = try FakeServer.pair(greeting: [#"{"id":1,"jsonrpc":"2.0","result":{}}"#]) { _, _ in
            .lines()
        }
        let error = try #require(throws: ClientError.self) { try client.nextNotification() }
        #expect(error.reason == .protocolViolation("a reply (id 1) to no request"))
        client.close()
        _ = server.finish()
    }
}

@Suite struct RPCClientConnectTests {
    @Test func noSocketFileIsUnreachableWithThePathAndWhatToDo() throws {
        let error = try #require(throws: ClientError.self) {
            try RPCClient.connect(path: "/nonexistent/socd/socd.sock")
        }
        #expect(error.reason == .unreachable(errno: ENOENT))
        #expect(error.exitStatus == .unavailable)
        #expect(
            error.message
                == "no daemon listening at /nonexistent/socd/socd.sock (no such socket); start it with 'systemctl start socd.socket' or 'socd --socket /nonexistent/socd/socd.sock'"
        )
    }

    @Test func aSocketNobodyListensOnIsConnectionRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // With the listener closed the socket file stays behind, as after a crash.
        let path = directory.path + "/socd.sock"
        try UnixSocket.listen(path: path, mode: 0o600).close()
        let error = try #require(throws: ClientError.self) { try RPCClient.connect(path: path) }
        #expect(error.reason == .unreachable(errno: ECONNREFUSED))
        #expect(error.message.hasPrefix("no daemon listening at \(path) (connection refused); start it with"))
    }

    @Test func permissionDeniedSaysWhoMayConnect() {
        let error = ClientError.unreachable(
            "/run/socd/socd.sock", cause: SystemError(errno: EACCES, function: "connect"))
        #expect(error.exitStatus == .unavailable)
        #expect(error.message.hasPrefix("cannot connect to /run/socd/socd.sock (permission denied); "))
        #expect(error.message.contains("'socd' group"))
    }

    @Test func connectsByPath() throws {
        let server = try FakeServer { request, _ in .lines(FakeServer.result(["pong": true], for: request)) }
        let client = try RPCClient.connect(path: server.socketPath)
        #expect(try client.call(PingRequest.self, RPCNoParams()).pong)
        client.close()
        #expect(server.finish().count == 1)
    }
}
