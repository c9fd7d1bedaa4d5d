import Foundation
import JSONRPC
import SocPOSIX
import Testing

@testable import SocDaemon

/// What rule changes tell the world: `rules` events to subscribers, and the audit trail.
@Suite("rules: events and audit")
struct RulesEventsAndAuditTests {
    /// Every kind of change publishes one `rules` event, in order, to a subscriber on another
    /// connection; read-only calls publish nothing.
    @Test func everyChangePublishesARulesEvent() throws {
        let daemon = try RulesTestDaemon()
        let path = try daemon.serve()
        let watcher = try RulesTestClient(path: path)
        var early: [JSONValue] = []
        let subscribed = try watcher.call("events.subscribe", ["topics": ["rules"]], id: 1, notifications: &early)
        let subscription = try #require(subscribed["result"]?["subscription"])

        let actor = try RulesTestClient(path: path)
        var ignored: [JSONValue] = []
        var nextID = 1
        func change(_ method: String, _ params: JSONValue) throws -> JSONValue {
            nextID += 1
            let reply = try actor.call(method, params, id: nextID, notifications: &ignored)
            #expect(reply["error"] == nil, "\(method): \(reply.serializedString)")
            return reply["result"] ?? .null
        }
        let added = try change("rules.add", ["src": "198.51.100.7", "dport": 80, "action": "drop"])
        let id = try #require(added["rule"]?["id"])
        _ = try change("rules.add", ["src": "198.51.100.7", "dport": 80, "action": "drop", "ttl": "1h"])
        _ = try change("rules.list", [:])
        _ = try change("rules.check", ["src": "198.51.100.7", "dst": "10.0.0.1"])
        _ = try change(
            "rules.addMany",
            ["rules": [["src": "10.0.0.1", "action": "drop"], ["src": "10.0.0.2", "action": "drop"]]])
        _ = try change("rules.update", ["id": id, "comment": "noted"])
        _ = try change("rules.move", ["id": id, "position": 3])
        _ = try change("rules.delete", ["id": id])
        _ = try change("rules.setPolicy", ["policy": "drop"])
        _ = try change("rules.import", ["format": "json", "content": #"[{"src": "10.0.0.3", "action": "drop"}]"#])
        _ = try change(
            "rules.import", ["format": "json", "content": #"[{"src": "10.0.0.4", "action": "drop"}]"#, "replace": true])
        _ = try change("rules.clear", ["confirm": true])
        // A refused change publishes nothing.
        nextID += 1
        #expect(try actor.call("rules.clear", ["confirm": false], id: nextID, notifications: &ignored)["error"] != nil)

        var events: [JSONValue] = []
        while events.count < 10, let line = try watcher.nextLine(timeout: 10) { events.append(line) }
        #expect(events.allSatisfy { $0["method"] == "events.event" && $0["params"]?["topic"] == "rules" })
        #expect(events.allSatisfy { $0["params"]?["subscription"] == subscription })
        let data = events.map { $0["params"]?["data"] ?? .null }
        #expect(
            data.map { $0["event"]?.stringValue ?? "?" } == [
                "created", "extended", "addedMany", "updated", "moved", "deleted", "policy", "imported", "replaced",
                "cleared",
            ])
        #expect(data.first?["rule"]?["src"] == "198.51.100.7")
        #expect(data[safe: 2]?["created"] == 2)
        #expect(data[safe: 3]?["rule"]?["comment"] == "noted")
        #expect(data[safe: 4]?["rule"]?["position"] == 3)
        #expect(data[safe: 5]?["ids"] == [id])
        #expect(data[safe: 6]?["previous"] == "ACCEPT")
        #expect(data[safe: 6]?["policy"] == "DROP")
        #expect(data[safe: 9]?["deleted"] == 1)
        #expect(try watcher.nextLine(timeout: 0.3) == nil, "nothing more: the refused clear published nothing")
    }

    @Test func expiryIsPublished() throws {
        let daemon = try RulesTestDaemon()
        let path = try daemon.serve()
        let watcher = try RulesTestClient(path: path)
        var early: [JSONValue] = []
        _ = try watcher.call("events.subscribe", ["topics": ["rules"]], id: 1, notifications: &early)
        let rule = try daemon.add(["src": "198.51.100.7", "action": "drop", "ttl": 60])
        #expect(try watcher.nextLine()?["params"]?["data"]?["event"] == "created")
        daemon.services.firewall.purgeExpired(now: WallClock.nowMilliseconds + 61_000)
        let expired = try #require(try watcher.nextLine())
        #expect(expired["params"]?["data"] == ["event": "expired", "ids": [rule["id"]!]])
    }

    /// Each change lands in the audit trail with who made it and what it asked; refused
    /// attempts too, with their error.
    @Test func everyChangeAndEveryRefusalIsAudited() throws {
        let daemon = try RulesTestDaemon()
        let rule = try daemon.add(["src": "198.51.100.7", "dport": 80, "action": "drop"])
        let id = try #require(rule["id"])
        try daemon.call("rules.addMany", ["rules": [["src": "10.0.0.1", "action": "drop"]]])
        try daemon.call("rules.update", ["id": id, "comment": "x"])
        try daemon.call("rules.move", ["id": id, "position": 2])
        try daemon.call("rules.setPolicy", ["policy": "drop"])
        try daemon.call("rules.import", ["format": "json", "content": "[]"])
        try daemon.call("rules.delete", ["id": id])
        try daemon.call("rules.clear", ["confirm": true])
        _ = try daemon.error("rules.add", ["src": "10.0.0.300", "action": "drop"])
        _ = try daemon.error("rules.delete", ["id": 999])
        try daemon.call("rules.list")
        try daemon.call("rules.check", ["src": "10.0.0.1", "dst": "10.0.0.2"])

        // Refusals are recorded without holding up their reply: wait for them, boundedly.
        var entries: [JSONValue] = []
        let deadline = Date().addingTimeInterval(10)
        repeat {
            entries = try daemon.call("audit.list", ["limit": 100])["entries"]?.arrayValue ?? []
            if entries.count >= 10 { break }
            usleep(10_000)
        } while Date() < deadline
        let chronological = Array(entries.reversed())
        #expect(
            chronological.map { $0["method"]?.stringValue ?? "?" } == [
                "rules.add", "rules.addMany", "rules.update", "rules.move", "rules.setPolicy", "rules.import",
                "rules.delete", "rules.clear", "rules.add", "rules.delete",
            ])
        #expect(
            chronological.map { $0["outcome"]?.stringValue ?? "?" } == Array(repeating: "ok", count: 8) + [
                "error", "error",
            ])
        #expect(chronological.allSatisfy { $0["uid"] == 0 && $0["pid"] == 4242 })
        #expect(chronological.first?["params"]?["src"] == "198.51.100.7")
        #expect(chronological[safe: 8]?["error"]?["code"] == -32602)
        #expect(
            chronological[safe: 8]?["error"]?["message"]
                == #"Invalid params: src: "10.0.0.300" is not an IPv4 address or CIDR"#)
        #expect(chronological[safe: 9]?["error"]?["code"] == -32001)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
