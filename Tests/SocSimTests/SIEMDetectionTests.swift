import Testing

@testable import SocSim

@Suite("SIEM detections")
struct SIEMDetectionTests {
    @Test("the room's flood raises a request-flood alert for the attacker and nothing else")
    func webFloodScenario() throws {
        var run = try MonitoredSimulation(seed: 7)
        var filter = AcceptAllPacketFilter()
        run.run(ticks: 600, filter: &filter)
        let attacker = run.simulation.initialAttackerAddresses[0]
        #expect(run.alerts.count == 1)
        let alert = try #require(run.alerts.first)
        #expect(alert.detection == .requestFlood)
        #expect(alert.source == AlertSource(address: attacker))
        #expect(alert.severity == .high)
        #expect(alert.technique.id == "T1499.002")
        // Folded, not flooded: ~570 ticks of attack at one hit per 50-tick window.
        #expect(alert.count >= 10)
        #expect(alert.eventCount > 10_000)
        #expect(alert.evidence.count == AlertBook.evidenceCap)
        #expect(alert.evidence.allSatisfy { $0.dataset == .webAccess && $0.line.hasPrefix("\(attacker) ") })
        let retained = try #require(run.monitor.store.event(sequence: alert.evidence[0].sequence))
        #expect(retained.sourceIP == attacker)
    }

    @Test("benign traffic alone raises nothing", arguments: ScenarioCatalog.standard.scenarios.map(\.name))
    func noFalsePositivesWithoutTheAttack(scenario: String) throws {
        // Visitors (some mistyping passwords), workstations, DHCP and the administrators' SSH.
        var definition = try #require(ScenarioCatalog.standard.definition(named: scenario))
        definition.traffic.removeAll(where: \.isAttack)
        var run = MonitoredSimulation(definition: definition, seed: 5)
        var filter = AcceptAllPacketFilter()
        run.run(ticks: 3_000, filter: &filter)
        #expect(run.alerts.isEmpty, "\(run.alerts.map(\.summary))")
    }

    @Test("a blocked flood raises nothing once blocked", arguments: ["web-flood", "web-flood-rotating"])
    func noAlertsFromABlockedFlood(scenario: String) throws {
        // The firewall log still records the dropped requests, but on one port; only served
        // requests count as a flood.
        var run = try MonitoredSimulation(scenario, seed: 5)
        var filter = BlockListFilter()
        filter.add(source: run.simulation.attackerNetwork, destinationPort: 80)
        run.run(ticks: 3_000, filter: &filter)
        #expect(run.alerts.isEmpty, "\(run.alerts.map(\.summary))")
    }

    /// What each scenario's attack must raise, in the order the detections first fire.
    static let expectedDetections: [(String, [DetectionKind])] = [
        ("web-flood", [.requestFlood]),
        ("web-flood-rotating", [.requestFlood]),
        ("login-flood-shared-gateway", [.requestFlood]),
        ("ssh-brute-force", [.bruteForceLogin]),
        ("port-scan-then-flood", [.portScan, .requestFlood]),
        ("dns-tunnel", [.dnsTunnelling]),
        // It joins, then guesses default passwords on the server's SSH.
        ("rogue-dhcp-device", [.unknownDHCPDevice, .bruteForceLogin]),
    ]

    @Test("the expectations cover the whole catalog")
    func everyScenarioHasExpectations() {
        #expect(Self.expectedDetections.map(\.0).sorted() == ScenarioCatalog.standard.scenarios.map(\.name).sorted())
    }

    @Test(
        "every scenario's attack raises its detections, attributed only to the attack's sources",
        arguments: expectedDetections)
    func attackDetectionAndAttribution(scenario: String, expected: [DetectionKind]) throws {
        var run = try MonitoredSimulation(scenario, seed: 9)
        var filter = AcceptAllPacketFilter()
        run.run(ticks: 400, filter: &filter)
        var firstFirings: [DetectionKind] = []
        for alert in run.alerts.sorted(by: { ($0.firstTick, $0.id) < ($1.firstTick, $1.id) })
        where !firstFirings.contains(alert.detection) {
            firstFirings.append(alert.detection)
        }
        #expect(firstFirings == expected)
        // Ground truth: the addresses red packets came from, and the MAC of a rogue device.
        let attackers = Set(
            run.simulation.recentTraffic.elements.filter(\.packet.malicious).map(\.packet.tuple.source))
        let inventory = DeviceInventory(topology: run.simulation.topology)
        for alert in run.alerts {
            if let address = alert.source.address {
                #expect(attackers.contains(address), "\(alert.summary)")
            } else {
                let mac = try #require(alert.source.mac)
                #expect(!inventory.knows(mac), "\(alert.summary)")
            }
        }
    }

    @Test("brute force: failures fire once per window, a success after them is critical")
    func bruteForce() throws {
        var factory = EventFactory()
        var engine = DetectionEngine()
        var events = (0..<12).map { factory.auth(tick: Int64($0 * 10), from: attacker, succeeded: false) }
        events.append(factory.auth(tick: 130, from: attacker, user: "root", succeeded: true))
        // An admin with one typo.
        events.append(factory.auth(tick: 140, from: workstation, succeeded: false))
        events.append(factory.auth(tick: 141, from: workstation, succeeded: true))
        let found = hits(of: events, engine: &engine, symbols: factory.symbols)
        #expect(found.map(\.severity) == [.high, .critical])
        #expect(found.allSatisfy { $0.source.address == attacker && $0.detection == .bruteForceLogin })
        #expect(found[0].summary == "203.0.113.66 failed 10 logins in 600 ticks")
        #expect(found[0].eventCount == 10)
        #expect(found[0].evidence.count == evidenceLimit)
        #expect(found[1].summary.contains("logged in as root after 12 failed logins"))
    }

    @Test("brute force respects its thresholds")
    func bruteForceThresholds() throws {
        var factory = EventFactory()
        var engine = DetectionEngine()
        try engine.update(id: "brute-force-login", thresholds: ["minimumFailures": 3, "windowTicks": 20])
        let spread = (0..<6).map { factory.auth(tick: Int64($0 * 15), from: attacker, succeeded: false) }
        #expect(hits(of: spread, engine: &engine, symbols: factory.symbols).isEmpty)
        let burst = (0..<3).map { factory.auth(tick: 200 + Int64($0), from: attacker, succeeded: false) }
        #expect(hits(of: burst, engine: &engine, symbols: factory.symbols).count == 1)
    }

    @Test("port scan: many distinct destination ports from one source, dropped or not")
    func portScan() {
        var factory = EventFactory()
        var engine = DetectionEngine()
        var events: [SecurityEvent] = []
        for port in 1...25 {
            events.append(factory.firewall(tick: Int64(port), from: attacker, port: UInt16(port), action: .drop))
        }
        // A busy visitor on two ports and a slow scanner outside the window.
        for tick in 0..<200 {
            events.append(factory.firewall(tick: 30 + Int64(tick), from: visitor, port: tick % 2 == 0 ? 80 : 443))
        }
        for port in 1...25 {
            events.append(factory.firewall(tick: 300 + Int64(port) * 50, from: workstation, port: UInt16(port)))
        }
        let found = hits(of: events, engine: &engine, symbols: factory.symbols)
        #expect(found.count == 1)
        #expect(found.first?.source.address == attacker)
        #expect(found.first?.summary == "203.0.113.66 probed 20 destination ports in 100 ticks")
        #expect(found.first?.detection.descriptor.technique.id == "T1046")
    }

    @Test("DNS tunnelling: long random subdomains at a rate, not ordinary names")
    func dnsTunnelling() {
        var factory = EventFactory()
        var engine = DetectionEngine()
        var random = Xoshiro256StarStar(seed: 4)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var events: [SecurityEvent] = []
        for tick in 0..<30 {
            let label = String((0..<40).map { _ in alphabet[random.nextIndex(below: alphabet.count)] })
            events.append(factory.dns(tick: Int64(tick), name: "\(label).t.exfil.example", type: .txt))
            events.append(factory.dns(tick: Int64(tick), from: IPv4Address(10, 0, 0, 22), name: "calendar.example.org"))
            events.append(
                factory.dns(
                    tick: Int64(tick), from: IPv4Address(10, 0, 0, 22),
                    name: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.org"))
        }
        let found = hits(of: events, engine: &engine, symbols: factory.symbols)
        #expect(found.count == 1)
        #expect(found.first?.source.address == workstation)
        #expect(found.first?.summary.contains("under exfil.example") == true)
    }

    @Test("unknown DHCP device: a MAC outside the inventory, reported once per window")
    func unknownDevice() throws {
        var factory = EventFactory()
        let known = MACAddress(0x5254_0012_3456)
        let rogue = MACAddress(0xB827_EB00_0001)
        var engine = DetectionEngine(inventory: DeviceInventory(devices: [known: "workstation-1"]))
        let events = [
            factory.dhcp(tick: 1, mac: known, host: "workstation-1"),
            factory.dhcp(tick: 2, mac: rogue, host: "raspberrypi"),
            factory.dhcp(tick: 3, mac: rogue, host: "raspberrypi", type: .request, address: IPv4Address(10, 0, 0, 150)),
            factory.dhcp(
                tick: 7_000, mac: rogue, host: "raspberrypi", type: .request, address: IPv4Address(10, 0, 0, 150)),
        ]
        let found = hits(of: events, engine: &engine, symbols: factory.symbols)
        #expect(found.count == 2)
        #expect(found.first?.source == AlertSource(mac: rogue, host: "raspberrypi"))
        #expect(found.first?.summary == "unknown device b8:27:eb:00:00:01 (raspberrypi) sent DHCPDISCOVER")
        #expect(found.first?.detection.descriptor.technique.id == "T1200")
    }

    @Test("threat intel: addresses, networks, parent domains and URLs match; severity follows confidence")
    func threatIntel() throws {
        var factory = EventFactory()
        var engine = DetectionEngine()
        var index = ThreatIntelIndex()
        index.insert(try Indicator(kind: .ip, value: "203.0.113.66", source: "feed", confidence: 95))
        index.insert(try Indicator(kind: .cidr, value: "192.0.2.0/24", confidence: 60))
        index.insert(try Indicator(kind: .domain, value: "evil.example", confidence: 75))
        index.insert(try Indicator(kind: .url, value: "http://shop.example/wp-login.php", confidence: 55))
        index.insert(try Indicator(kind: .ip, value: "198.51.100.99", confidence: 20))
        engine.updateIntel { $0 = index }
        let events = [
            factory.web(tick: 1, from: attacker),
            factory.web(tick: 2, from: attacker),
            factory.firewall(tick: 3, from: workstation, to: IPv4Address(192, 0, 2, 200), port: 443),
            factory.dns(tick: 4, name: "c2.beacon.EVIL.example."),
            factory.web(tick: 5, from: visitor, target: "/wp-login.php"),
            factory.web(tick: 6, from: IPv4Address(198, 51, 100, 99)),
            factory.dns(tick: 7, name: "notevil.example"),
        ]
        let found = hits(of: events, engine: &engine, symbols: factory.symbols)
        #expect(found.map(\.severity) == [.critical, .medium, .high, .medium])
        #expect(found.map(\.source.address) == [attacker, workstation, workstation, visitor])
        #expect(found[0].summary == "source.ip matched ip indicator 203.0.113.66 from feed (confidence 95)")
        #expect(found[1].summary.hasPrefix("destination.ip matched cidr indicator 192.0.2.0/24"))
        #expect(found[2].summary.hasPrefix("dns.question.name matched domain indicator evil.example"))
    }

    @Test("a disabled detection stays silent; settings are validated")
    func settings() throws {
        var factory = EventFactory()
        var engine = DetectionEngine()
        try engine.update(id: "request-flood", enabled: false)
        let flood = (0..<400).map { factory.web(tick: Int64($0 / 20), from: attacker) }
        #expect(hits(of: flood, engine: &engine, symbols: factory.symbols).isEmpty)
        #expect(!engine.isEnabled(.requestFlood))

        #expect(throws: DetectionError.unknownDetection("nope", known: DetectionKind.allCases.map(\.rawValue))) {
            try engine.update(id: "nope", enabled: true)
        }
        let unknown = #expect(throws: DetectionError.self) {
            try engine.update(id: "port-scan", thresholds: ["speed": 3])
        }
        #expect(
            unknown?.message
                == "detection 'port-scan' has no threshold 'speed'; known: windowTicks, minimumDistinctPorts, trackedSources"
        )
        let bounds = #expect(throws: DetectionError.self) {
            try engine.update(id: "port-scan", thresholds: ["windowTicks": 0])
        }
        #expect(bounds?.message == "threshold 'windowTicks' of detection 'port-scan' must be between 1 and 36000")
        let fraction = #expect(throws: DetectionError.self) {
            try engine.update(id: "port-scan", thresholds: ["windowTicks": 10, "minimumDistinctPorts": 2.5])
        }
        #expect(fraction?.kind == .invalidThreshold)
        // All or nothing: the valid windowTicks of the refused update did not stick.
        #expect(engine.settings[.portScan]?.thresholds.integer("windowTicks") == 100)
        let entropy = try engine.update(id: "dns-tunnelling", thresholds: ["minimumEntropyBits": 3.75])
        #expect(entropy.thresholds.decimal("minimumEntropyBits") == 3.75)
    }

    @Test("detection state is bounded: a spray of sources evicts old keys")
    func boundedState() {
        var table = BoundedKeyTable<Int, Int>(capacity: 16)
        for key in 0..<100 {
            table.update(key, tick: Int64(key), idleTicks: 1_000, make: { 0 }) { $0 += 1 }
            #expect(table.count <= 16)
        }
        #expect(table.evictions > 0)
        #expect(table.value(for: 99) == 1)
    }

    @Test("sliding counter counts exactly the last window")
    func slidingCounter() {
        var counter = SlidingTickCounter()
        for tick in 0..<100 { counter.add(2, at: Int64(tick), window: 10) }
        #expect(counter.total == 20)
        counter.expire(now: 105, window: 10)
        #expect(counter.total == 8)
        counter.expire(now: 500, window: 10)
        #expect(counter.total == 0)
    }

    @Test("Shannon entropy")
    func entropy() {
        #expect(ShannonEntropy.bitsPerByte("") == 0)
        #expect(ShannonEntropy.bitsPerByte("aaaa") == 0)
        #expect(abs(ShannonEntropy.bitsPerByte("abcd") - 2) < 1e-9)
        #expect(abs(ShannonEntropy.bitsPerByte("aabb") - 1) < 1e-9)
        #expect(abs(ShannonEntropy.bitsPerByte("0123456789abcdef") - 4) < 1e-9)
        #expect(abs(ShannonEntropy.log2(10) - 3.321928094887362) < 1e-9)
        #expect(ShannonEntropy.bitsPerByte("calendar") < 3)
    }
}
