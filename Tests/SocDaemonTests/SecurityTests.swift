import JSONRPC
import SocProtocol
import SocSim
import Testing

@testable import SocDaemon

/// The SIEM fed by the running simulation: the room's attack raises an alert, opens an incident,
/// blocking the attacker contains it, and the analyst resolves it.
@Suite("SIEM alerts and incidents")
struct SecurityTests {
    /// A paused web-flood simulation with a fixed seed, stepped `ticks` ticks.
    static func floodedDaemon(ticks: Int = 200, directory: RulesTestDirectory? = nil) throws -> RulesTestDaemon {
        let daemon = try RulesTestDaemon(directory: directory)
        try daemon.call("sim.pause")
        try daemon.call("scenario.load", ["name": "web-flood", "seed": 4242])
        try daemon.call("sim.step", ["ticks": .int(ticks)])
        return daemon
    }

    static func attacker(_ daemon: RulesTestDaemon) throws -> String {
        try #require(daemon.services.simulation.attackerAddresses.first).description
    }

    @Test func theFloodRaisesOneFoldedRequestFloodAlertForTheAttacker() throws {
        let daemon = try Self.floodedDaemon()
        defer { daemon.close() }
        let attacker = try Self.attacker(daemon)
        let alerts = try #require(try daemon.call("alerts.list")["alerts"]?.arrayValue)
        let floods = alerts.filter { $0["detection"] == "request-flood" }
        #expect(floods.count == 1, "repeats fold into one alert: \(alerts)")
        let flood = try #require(floods.first)
        #expect(flood["source"]?.stringValue == attacker)
        #expect((flood["count"]?.intValue ?? 0) >= 1)
        #expect(flood["status"] == "new")
        #expect((flood["evidence"]?.arrayValue?.count ?? 0) > 0)
        let id = try #require(flood["id"])
        #expect(try daemon.call("alerts.get", ["id": id])["source"]?.stringValue == attacker)
    }

    @Test func acknowledgingAnAlertRecordsWhoAndFiltersByStatus() throws {
        let daemon = try Self.floodedDaemon()
        defer { daemon.close() }
        let first = try #require(try daemon.call("alerts.list")["alerts"]?.arrayValue?.first)
        let acked = try daemon.call("alerts.ack", ["id": first["id"]!])
        #expect(acked["status"] == "acknowledged")
        #expect(acked["acknowledgedBy"] == 0)
        let remaining = try #require(try daemon.call("alerts.list", ["status": "new"])["alerts"]?.arrayValue)
        #expect(!remaining.contains { $0["id"] == first["id"] })
        let missing = try daemon.error("alerts.ack", ["id": 999_999])
        #expect(missing["code"] == .int(RPCErrorCode.notFound))
        let badSeverity = try daemon.error("alerts.list", ["severity": "urgent"])
        #expect(badSeverity["code"] == .int(RPCErrorCode.invalidParams))
    }

    @Test func theAttackOpensAnIncidentThatContainmentAndResolutionCarryThrough() throws {
        let daemon = try Self.floodedDaemon()
        defer { daemon.close() }
        let attacker = try Self.attacker(daemon)
        let incidents = try #require(try daemon.call("incidents.list")["incidents"]?.arrayValue)
        let incident = try #require(incidents.first { $0["detection"] == "request-flood" })
        #expect(incident["status"] == "new")
        #expect(incident["source"]?.stringValue == attacker)
        let id = try #require(incident["id"])

        let contained = try daemon.call("incidents.contain", ["id": id])
        #expect(contained["rule"]?["src"]?.stringValue == attacker)
        #expect(contained["rule"]?["action"] == "DROP")
        #expect(contained["incident"]?["ruleIds"]?.arrayValue?.count == 1)
        #expect(try daemon.call("rules.list")["rules"]?.arrayValue?.count == 1)

        // Still new right after the rule: containment waits for the quiet window.
        #expect(try daemon.call("incidents.get", ["id": id])["status"] == "new")
        try daemon.call("sim.step", ["ticks": 150])
        let afterWindow = try daemon.call("incidents.get", ["id": id])
        #expect(afterWindow["status"] == "contained")
        #expect(afterWindow["containedAt"] != nil)

        let refused = try daemon.error("incidents.update", ["id": id, "status": "new"])
        #expect(refused["code"] == .int(RPCErrorCode.invalidState))
        #expect(refused["message"]?.stringValue?.contains("allowed: investigating, resolved") == true)

        try daemon.call("incidents.note", ["id": id, "text": "attacker blocked at the edge"])
        let resolved = try daemon.call("incidents.update", ["id": id, "status": "resolved"])
        #expect(resolved["status"] == "resolved")
        #expect(resolved["metrics"]?["timeToResolveMs"]?.intValue != nil)
        let timeline = try #require(resolved["timeline"]?.arrayValue)
        let note = try #require(timeline.first { $0["kind"] == "note" })
        #expect(note["uid"] == 0)
        #expect(timeline.contains { $0["kind"] == "ruleLinked" && $0["uid"] == 0 })
        #expect(timeline.contains { $0["kind"] == "statusChanged" && $0["uid"] == nil })

        let summary = try daemon.call("reports.summary")
        #expect(summary["incidentsOpened"]?.intValue ?? 0 >= 1)
        #expect(summary["incidentsContained"] == 1)
        #expect(summary["incidentsResolved"] == 1)
        #expect(summary["rulesAdded"] == 1)
        #expect(summary["topSources"]?.arrayValue?.first?["source"]?.stringValue == attacker)
        #expect(summary["markdown"]?.stringValue?.contains("Mean time to detect") == true)

        let reopenNeeded = try daemon.error("incidents.update", ["id": id, "status": "investigating"])
        #expect(reopenNeeded["message"]?.stringValue?.contains("use reopen") == true)
        let reopened = try daemon.call("incidents.update", ["id": id, "reopen": true])
        #expect(reopened["status"] == "investigating")

        let report = try daemon.call("incidents.report", ["id": id])
        let markdown = try #require(report["content"]?.stringValue)
        #expect(markdown.hasPrefix("# Incident "))
        #expect(markdown.contains(attacker))
        #expect(markdown.contains("## Timeline"))
        #expect(markdown.contains("attacker blocked at the edge"))
        #expect(markdown.contains("DROP"))
        let json = try daemon.call("incidents.report", ["id": id, "format": "json"])
        #expect(json["incident"]?["id"] == id)
        #expect(json["alerts"]?.arrayValue?.isEmpty == false)
        #expect(
            try daemon.error("incidents.report", ["id": id, "format": "pdf"])["code"]
                == .int(RPCErrorCode.invalidParams))
    }

    @Test func handMadeIncidentsValidateTheirFieldsAndCannotBeContainedWithoutAnAddress() throws {
        let daemon = try RulesTestDaemon()
        defer { daemon.close() }
        let created = try daemon.call(
            "incidents.create", ["title": "Phishing report", "severity": "high", "tags": ["email"]])
        #expect(created["status"] == "new")
        #expect(created["severity"] == "high")
        #expect(created["tags"] == ["email"])
        let id = try #require(created["id"])
        #expect(try daemon.error("incidents.create", ["title": "  "])["code"] == .int(RPCErrorCode.invalidParams))
        #expect(try daemon.error("incidents.get", ["id": 77])["code"] == .int(RPCErrorCode.notFound))
        #expect(try daemon.error("incidents.contain", ["id": id])["code"] == .int(RPCErrorCode.invalidState))
        #expect(
            try daemon.error("incidents.update", ["id": id, "status": "done"])["code"]
                == .int(RPCErrorCode.invalidParams))
        let linked = try daemon.call(
            "incidents.link", ["id": id, "observables": [["kind": "ip", "value": "203.0.113.9"]]])
        #expect(linked["observables"] == [["kind": "ip", "value": "203.0.113.9"]])
        let contained = try daemon.call("incidents.contain", ["id": id])
        #expect(contained["rule"]?["src"] == "203.0.113.9")
        #expect(
            try daemon.error("incidents.link", ["id": id, "ruleIds": [12345]])["code"]
                == .int(RPCErrorCode.notFound))
        let listed = try daemon.call("incidents.list", ["severity": "high", "open": true])
        #expect(listed["total"] == 1)
        #expect(listed["incidents"]?.arrayValue?.first?["timeline"] == nil)
    }

    @Test func alertsIncidentsAndDetectionSettingsSurviveAReopen() throws {
        let directory = try RulesTestDirectory()
        var alertIDs: [JSONValue] = []
        var incidentID: JSONValue = .null
        do {
            let daemon = try Self.floodedDaemon(directory: directory)
            alertIDs = try #require(try daemon.call("alerts.list")["alerts"]?.arrayValue).map { $0["id"]! }
            incidentID = try #require(try daemon.call("incidents.list")["incidents"]?.arrayValue?.first?["id"])
            try daemon.call("incidents.note", ["id": incidentID, "text": "kept"])
            try daemon.call("detections.update", ["id": "port-scan", "enabled": false])
            try daemon.call("sim.step", ["ticks": 1])
            // Alerts and incidents the pipeline produces are saved by writer jobs; this write
            // queues behind them.
            try daemon.call("incidents.note", ["id": incidentID, "text": "flushed"])
            daemon.close()
        }
        let reopened = try RulesTestDaemon(directory: directory)
        defer { reopened.close() }
        let alerts = try #require(try reopened.call("alerts.list")["alerts"]?.arrayValue)
        #expect(Set(alerts.map { $0["id"]!.intValue! }).isSuperset(of: alertIDs.map { $0.intValue! }))
        let incident = try reopened.call("incidents.get", ["id": incidentID])
        #expect(incident["timeline"]?.arrayValue?.contains { $0["text"] == "kept" } == true)
        let detections = try #require(try reopened.call("detections.list")["detections"]?.arrayValue)
        #expect(detections.first { $0["id"] == "port-scan" }?["enabled"] == false)
        #expect(detections.first { $0["id"] == "request-flood" }?["enabled"] == true)
        let created = try reopened.call("incidents.create", ["title": "next"])
        #expect(created["id"]!.intValue! > incidentID.intValue!, "ids continue after a reopen")
    }

    @Test func detectionUpdatesAreValidatedAllOrNothing() throws {
        let daemon = try RulesTestDaemon()
        defer { daemon.close() }
        let list = try #require(try daemon.call("detections.list")["detections"]?.arrayValue)
        #expect(list.count == DetectionKind.allCases.count)
        let flood = try #require(list.first { $0["id"] == "request-flood" })
        #expect(flood["technique"]?.stringValue?.hasPrefix("T") == true)
        let threshold = try #require(flood["thresholds"]?.arrayValue?.first)
        let name = try #require(threshold["name"]?.stringValue)
        #expect(try daemon.error("detections.update", ["id": "nope"])["code"] == .int(RPCErrorCode.notFound))
        #expect(
            try daemon.error("detections.update", ["id": "request-flood", "thresholds": ["bogus": 1]])["code"]
                == .int(RPCErrorCode.invalidParams))
        let maximum = try #require(threshold["maximum"]?.doubleValue)
        #expect(
            try daemon.error(
                "detections.update", ["id": "request-flood", "thresholds": [name: .double(maximum + 1)]])["code"]
                == .int(RPCErrorCode.invalidParams))
        let updated = try daemon.call(
            "detections.update", ["id": "request-flood", "enabled": false, "thresholds": [name: threshold["minimum"]!]])
        #expect(updated["enabled"] == false)
        #expect(updated["thresholds"]?.arrayValue?.first?["value"] == threshold["minimum"])
    }
}
