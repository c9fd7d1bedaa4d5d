import JSONRPC
import Testing

/// `events.subscribe` delivers `events.event` notifications for changes made on any connection.
@Suite struct EventsTests {
    @Test func aSubscriberSeesTheAuditEntryOfAChangeMadeElsewhere() throws {
        let scratch = try Scratch()
        let socd = try scratch.startSocd()
        let subscriber = try socd.connect()
        let subscription = try subscriber.result("events.subscribe", ["topics": ["audit"]])
        #expect(subscription["topics"] == ["audit"])
        let id = try #require(subscription["subscription"]?.intValue)

        let changer = try socd.connect()
        _ = try changer.result("system.setLogLevel", ["level": "debug"])

        let event = try #require(try subscriber.nextNotification(timeout: 10))
        #expect(event["method"] == "events.event")
        #expect(event["id"] == nil, "events are notifications")
        let params = event["params"]
        #expect(params?["subscription"] == .int(id))
        #expect(params?["topic"] == "audit")
        #expect(params?["data"]?["method"] == "system.setLogLevel")
        #expect(params?["data"]?["outcome"] == "ok")
        #expect(params?["data"]?["params"] == ["level": "debug"])
        let entries = try changer.result("audit.list")["entries"]?.arrayValue
        #expect(entries?.first == params?["data"], "the event carries the entry as audit.list shows it")

        // Only the audit topic was asked for: the system topic's logLevelChanged is not sent.
        #expect(try subscriber.call("system.ping")["result"] == ["pong": true])
        #expect(subscriber.notifications.isEmpty, "\(subscriber.notifications)")

        _ = try subscriber.result("events.unsubscribe", ["subscription": .int(id)])
        _ = try changer.result("system.setLogLevel", ["level": "info"])
        #expect(try subscriber.call("system.ping")["result"] == ["pong": true])
        #expect(try subscriber.readLine(timeout: 0.3) == nil, "no events after unsubscribing")
        #expect(socd.terminate() == 0)
    }

    @Test func theSystemTopicAnnouncesLogLevelChanges() throws {
        let scratch = try Scratch()
        let socd = try scratch.startSocd()
        let subscriber = try socd.connect()
        _ = try subscriber.result("events.subscribe", ["topics": ["system"]])
        _ = try socd.connect().result("system.setLogLevel", ["level": "warning"])
        let event = try #require(try subscriber.nextNotification(timeout: 10))
        #expect(event["params"]?["topic"] == "system")
        #expect(event["params"]?["data"] == ["event": "logLevelChanged", "previous": "info", "level": "warning"])
        #expect(socd.terminate() == 0)
    }
}
