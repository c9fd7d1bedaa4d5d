@testable import SocSim

let server = IPv4Address(10, 0, 0, 10)
let attacker = IPv4Address(203, 0, 113, 66)
let visitor = IPv4Address(198, 51, 100, 20)
let workstation = IPv4Address(10, 0, 0, 21)

/// Hand-made events, built as real records and normalized, so they look exactly like the
/// simulation's.
struct EventFactory {
    var normalizer = EventNormalizer()
    var symbols: SymbolTable { normalizer.symbols }

    private func time(_ tick: Int64) -> Int64 { SimulationClock.standard.epochMilliseconds(atTick: tick) }

    mutating func firewall(
        tick: Int64, from source: IPv4Address, to destination: IPv4Address = server, sourcePort: UInt16 = 40_000,
        port: UInt16 = 80, proto: IPProtocol = .tcp, action: PacketVerdict.Action = .accept, ruleID: Int64? = nil
    ) -> SecurityEvent {
        normalizer.normalize(
            FirewallLogRecord(
                tick: tick, timestampMilliseconds: time(tick), packetID: UInt64(tick), observer: "router",
                tuple: FiveTuple(
                    source: source, destination: destination, sourcePort: sourcePort, destinationPort: port,
                    proto: proto),
                length: 60, tcpFlags: proto == .tcp ? .data : [],
                verdict: PacketVerdict(action: action, ruleID: ruleID),
                ingressInterface: "eth0", egressInterface: "eth1"))
    }

    mutating func web(
        tick: Int64, from client: IPv4Address, port: UInt16 = 80, method: HTTPRequest.Method = .get,
        target: String = "/", status: Int = 200, userAgent: String = "Mozilla/5.0", referrer: String? = nil
    ) -> SecurityEvent {
        normalizer.normalize(
            WebAccessLogRecord(
                tick: tick, timestampMilliseconds: time(tick), observer: "web-server", client: client,
                clientPort: 50_000, server: server, serverPort: port, method: method, target: target,
                statusCode: status, bodyBytes: 512, referrer: referrer, userAgent: userAgent))
    }

    mutating func auth(tick: Int64, from client: IPv4Address, user: String = "admin", succeeded: Bool) -> SecurityEvent
    {
        normalizer.normalize(
            AuthLogRecord(
                tick: tick, timestampMilliseconds: time(tick), observer: "web-server", processID: 2_314, user: user,
                userExists: true, succeeded: succeeded, client: client, clientPort: 51_234))
    }

    mutating func dns(
        tick: Int64, from client: IPv4Address = workstation, name: String, type: DNSRecordType = .a
    )
        -> SecurityEvent
    {
        normalizer.normalize(
            DNSQueryLogRecord(
                tick: tick, timestampMilliseconds: time(tick), observer: "router", processID: 612, name: name,
                type: type, client: client, clientPort: 53_000, resolver: IPv4Address(10, 0, 0, 1)))
    }

    mutating func dhcp(
        tick: Int64, mac: MACAddress, host: String, type: DHCPLogRecord.MessageType = .discover,
        address: IPv4Address? = nil
    ) -> SecurityEvent {
        normalizer.normalize(
            DHCPLogRecord(
                tick: tick, timestampMilliseconds: time(tick), observer: "router", processID: 701, messageType: type,
                clientMAC: mac, clientHostName: host, address: address, interface: "eth1"))
    }
}

/// Feeds `events` (in order) through `engine` and returns every hit.
func hits(of events: [SecurityEvent], engine: inout DetectionEngine, symbols: SymbolTable) -> [DetectionHit] {
    var hits: [DetectionHit] = []
    for event in events { engine.ingest(event, symbols: symbols, hits: &hits) }
    return hits
}

/// A simulation with the SIEM attached as the daemon will attach it: step, read what the data
/// sources wrote, ingest it.
struct MonitoredSimulation {
    var simulation: Simulation
    var monitor: SecurityMonitor
    var cursor = LogStoreCursor()
    var incidents = IncidentBook()
    private(set) var changes: [AlertChange] = []

    init(_ scenario: String = ScenarioCatalog.defaultScenarioName, seed: UInt64 = 7, retention: Int = 400_000) throws {
        simulation = try makeSimulation(scenario, seed: seed)
        monitor = SecurityMonitor(retention: retention, inventory: DeviceInventory(topology: simulation.topology))
    }

    /// `definition`, which need not be in the catalog (a scenario stripped of its attack, say).
    init(definition: ScenarioDefinition, seed: UInt64, retention: Int = 400_000) {
        simulation = Simulation(
            scenario: definition, seed: seed, configuration: SimulationConfiguration(retention: generousRetention),
            flagSecret: nil)
        monitor = SecurityMonitor(retention: retention, inventory: DeviceInventory(topology: simulation.topology))
    }

    /// Steps `ticks` ticks in chunks, ingesting after each and running the incident policy.
    mutating func run<Filter: PacketFilter>(ticks: Int, filter: inout Filter, chunk: Int = 10) {
        var remaining = ticks
        while remaining > 0 {
            let step = min(chunk, remaining)
            simulation.step(ticks: step, filter: &filter)
            remaining -= step
            let fresh = monitor.ingest(cursor.readNew(from: simulation.logs))
            let now = SIEMInstant(tick: simulation.tick, epochMilliseconds: simulation.nowMilliseconds)
            for change in fresh { incidents.handle(change, at: now) }
            _ = incidents.applyAutomaticMoves(engine: monitor.engine, at: now)
            changes += fresh
        }
    }

    var alerts: [Alert] { monitor.alerts.alerts }
}
