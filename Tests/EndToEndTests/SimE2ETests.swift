import Glibc
import JSONRPC
import SocPOSIX
import Testing

/// The room, played against the real daemon: find the attacker from the data sources, add the
/// rule, get the flag, and find it all still there after a restart.
@Suite("Simulation end to end", .enabled(if: SimE2EDaemon.executable != nil, "socd is not built"))
struct SimE2ETests {
    @Test func findTheAttackerBlockItGetTheFlagAndKeepItAcrossARestart() throws {
        let directory = try SimE2EDirectory()
        defer { directory.remove() }
        let daemon = SimE2EDaemon(directory: directory.path)
        try daemon.start()
        defer { daemon.stop() }

        var client = try SimE2EClient(path: daemon.socketPath)
        let fresh = try client.call("sim.status")
        #expect(fresh["scenario"] == "web-flood")
        #expect(fresh["state"] == "running")
        let refused = try #require(throws: SimE2ERemoteError.self) { try client.call("sim.step", ["ticks": 5]) }
        #expect(refused.code == -32004)
        let unknown = try #require(throws: SimE2ERemoteError.self) {
            try client.call("scenario.load", ["name": "no-such-room"])
        }
        #expect(unknown.code == -32602)
        #expect(unknown.error["data"]?["field"] == "name")

        try client.call("sim.pause")
        let loaded = try client.call("scenario.load", ["name": "web-flood", "seed": 2024])
        #expect(loaded["tick"] == 0 && loaded["solved"] == false && loaded["flag"] == nil)
        #expect(try client.call("sim.step", ["ticks": 40])["tick"] == 40)

        // The learner's way: the source that sends by far the most to port 80 in the firewall log.
        let log = try client.call("logs.tail", ["source": "firewall", "limit": 5000])
        var perSource: [String: Int] = [:]
        for record in log["records"]?.arrayValue ?? [] where record["ecs"]?["destination.port"] == 80 {
            perSource[record["ecs"]?["source.ip"]?.stringValue ?? "?", default: 0] += 1
        }
        let (attacker, count) = try #require(perSource.max { $0.value < $1.value })
        #expect(count > 5 * (perSource.values.sorted().dropLast().last ?? 0), "\(perSource)")
        let lines = (log["records"]?.arrayValue ?? []).compactMap { $0["line"]?.stringValue }
        #expect(
            lines.contains { $0.contains("[FW ACCEPT]") && $0.contains("SRC=\(attacker) ") && $0.contains("DPT=80") })
        // And the traffic view agrees: the red packets all come from there.
        let red = try client.call("traffic.recent", ["limit": 100, "malicious": true])["packets"]?.arrayValue ?? []
        #expect(!red.isEmpty && red.allSatisfy { $0["src"]?.stringValue == attacker })

        let added = try client.call(
            "rules.add", ["src": .string(attacker), "dst": "10.0.0.10", "sport": "ANY", "dport": 80, "action": "DROP"])
        let ruleID = try #require(added["rule"]?["id"]?.intValue)

        var status = try client.call("scenario.status")
        for _ in 0..<10 where status["solved"] != true {
            try client.call("sim.step", ["ticks": 50])
            status = try client.call("scenario.status")
        }
        #expect(status["solved"] == true)
        let flag = try #require(status["flag"]?.stringValue)
        #expect(flag.hasPrefix("SOC{") && flag.hasSuffix("}") && flag.count == 37)
        #expect((status["outcome"]?["attackPacketsBlocked"]?.intValue ?? 0) > 0)
        #expect(status["outcome"]?["score"]?.intValue ?? 0 >= 60)
        let tickBefore = try #require(try client.call("sim.status")["tick"]?.intValue)
        let audit = try client.call("audit.list", ["method": "sim.step"])
        #expect((audit["entries"]?.arrayValue?.count ?? 0) >= 2, "steps are audited")

        #expect(daemon.stop() == 0)
        try daemon.start()
        client = try SimE2EClient(path: daemon.socketPath)
        let after = try client.call("scenario.status")
        #expect(after["solved"] == true)
        #expect(after["flag"]?.stringValue == flag)
        #expect(after["seed"] == 2024)
        let clock = try client.call("sim.status")
        #expect(clock["state"] == "paused")
        #expect(clock["tick"]?.intValue == tickBefore)
        let rules = try client.call("rules.list")["rules"]?.arrayValue ?? []
        #expect(rules.contains { $0["id"]?.intValue == ruleID && $0["src"]?.stringValue == attacker })
    }

    @Test func aRunningSimulationResumesAfterAnIdleExit() throws {
        let directory = try SimE2EDirectory()
        defer { directory.remove() }
        let daemon = SimE2EDaemon(directory: directory.path)
        try daemon.start(extraArguments: ["--exit-idle", "1"])
        defer { daemon.stop() }
        let first: JSONValue
        do {
            let client = try SimE2EClient(path: daemon.socketPath)
            try client.call("scenario.load", ["name": "web-flood-rotating", "seed": 77])
            usleep(600_000)
            first = try client.call("sim.status")
        }
        #expect(daemon.waitForExit() == 0, "socd exits once idle")
        try daemon.start(extraArguments: ["--exit-idle", "1"])
        let client = try SimE2EClient(path: daemon.socketPath)
        let resumed = try client.call("sim.status")
        #expect(resumed["scenario"] == "web-flood-rotating" && resumed["seed"] == 77)
        #expect(resumed["state"] == "running")
        #expect((resumed["tick"]?.intValue ?? 0) >= (first["tick"]?.intValue ?? .max))
        #expect((resumed["counters"]?["packets"]?.intValue ?? 0) >= (first["counters"]?["packets"]?.intValue ?? .max))
    }

    @Test func subscribersGetSummariesSampledTrafficAndScenarioEvents() throws {
        let directory = try SimE2EDirectory()
        defer { directory.remove() }
        let daemon = SimE2EDaemon(directory: directory.path)
        try daemon.start()
        defer { daemon.stop() }
        let control = try SimE2EClient(path: daemon.socketPath)
        let watcher = try SimE2EClient(path: daemon.socketPath)
        try watcher.call("events.subscribe", ["topics": ["sim", "scenario", "traffic"]])
        try control.call("sim.speed", ["ticksPerSecond": 200])
        try control.call("scenario.load", ["name": "web-flood", "seed": 3])

        var topics: [String: Int] = [:]
        var trafficPackets = 0
        var sawSummary = false
        var sawLoaded = false
        let start = MonotonicClock.now
        while MonotonicClock.now - start < 2_500_000_000, let event = try watcher.nextEvent(seconds: 1) {
            let topic = event["topic"]?.stringValue ?? "?"
            topics[topic, default: 0] += 1
            let data = event["data"] ?? .null
            switch topic {
            case "traffic": trafficPackets += data["packets"]?.arrayValue?.count ?? 0
            case "sim": if data["event"] == "summary" { sawSummary = data["delta"]?["packets"]?.intValue ?? 0 > 0 }
            case "scenario": if data["event"] == "loaded" { sawLoaded = data["status"]?["seed"] == 3 }
            default: break
            }
        }
        let seconds = Double(MonotonicClock.now - start) / 1e9
        #expect(sawSummary && sawLoaded, "\(topics)")
        #expect(trafficPackets > 0)
        // 200 ticks/s is about 25,000 packets a second; the topic carries at most 200 a second
        // (plus one second's burst).
        #expect(Double(trafficPackets) <= 200 * (seconds + 1.5), "\(trafficPackets) packets in \(seconds) s")
    }
}
