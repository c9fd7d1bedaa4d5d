import Testing

@testable import SocSim

@Suite("SIEM threat hunting")
struct SIEMHuntTests {
    /// A small world: drops and accepts on the firewall, web requests, logins, DNS, DHCP.
    private static func world() -> (store: SecurityEventStore, symbols: SymbolTable) {
        var factory = EventFactory()
        var store = SecurityEventStore(capacity: 1_000)
        let scanner = IPv4Address(198, 51, 100, 7)
        var events: [SecurityEvent] = []
        for port in [22, 80, 443, 1_024, 1_500, 3_306, 8_080] as [UInt16] {
            events.append(factory.firewall(tick: 1, from: scanner, port: port, action: .drop, ruleID: 4))
        }
        events.append(factory.firewall(tick: 2, from: scanner, port: 80, action: .drop, ruleID: 4))
        events.append(factory.firewall(tick: 2, from: attacker, port: 80))
        events.append(factory.firewall(tick: 3, from: visitor, port: 443, action: .reject))
        events.append(factory.firewall(tick: 3, from: visitor, port: 0, proto: .icmp))
        events.append(factory.web(tick: 4, from: attacker, method: .post, target: "/login?next=/admin", status: 401))
        events.append(
            factory.web(tick: 4, from: visitor, target: "/products", status: 200, referrer: "https://search.example/"))
        events.append(factory.web(tick: 5, from: visitor, target: "/search?q=shoes", status: 503))
        events.append(factory.auth(tick: 6, from: attacker, user: "root", succeeded: false))
        events.append(factory.dns(tick: 7, name: "updates.example.com"))
        events.append(
            factory.dhcp(
                tick: 8, mac: MACAddress(0xB827_EB00_0001), host: "raspberrypi", type: .request,
                address: IPv4Address(10, 0, 0, 150)))
        for event in events { store.append(event) }
        return (store, factory.symbols)
    }

    private func run(_ query: HuntQuery) throws -> HuntResult {
        let (store, symbols) = Self.world()
        return try CompiledHunt(query, symbols: symbols).run(on: store, symbols: symbols)
    }

    private func sequences(_ condition: String, source: LogDataset? = nil) throws -> [UInt64] {
        try run(HuntQuery(source: source, where: condition, limit: 1_000)).events.map(\.sequence)
    }

    @Test("the brief's example and its pieces")
    func briefExample() throws {
        #expect(try sequences("source=firewall and event.action=drop and source.ip in 198.51.100.0/24") == Array(1...8))
        #expect(try sequences("SOURCE = firewall AND event.action == \"reject\"") == [10])
        #expect(try sequences("event.action=drop", source: .webAccess).isEmpty)
    }

    @Test("numbers, ranges, CIDRs, substrings, equality, boolean logic")
    func evaluation() throws {
        #expect(try sequences("destination.port >= 1024 and source=firewall") == [4, 5, 6, 7])
        #expect(try sequences("destination.port in 1000-2000") == [4, 5])
        #expect(try sequences("destination.port < 80 and source = firewall") == [1])
        #expect(try sequences("http.response.status_code != 200") == [12, 14])
        #expect(try sequences("http.response.status_code > 400 and http.response.status_code <= 503") == [12, 14])
        #expect(try sequences("url.path contains \"login\"") == [12])
        #expect(try sequences("url.path = /login") == [12])
        #expect(try sequences("url.query = 'q=shoes'") == [14])
        #expect(try sequences("url.original contains admin") == [12])
        #expect(try sequences("user_agent.original contains Mozilla and source=web") == [12, 13, 14])
        #expect(try sequences("http.request.referrer = 'https://search.example/'") == [13])
        #expect(try sequences("user.name = root or dns.question.name contains example") == [15, 16])
        #expect(try sequences("user.name = nobody").isEmpty)
        #expect(try sequences("user.name != nobody") == [15])
        #expect(try sequences("host.mac = B8-27-EB-00-00-01 and host.ip in 10.0.0.0/24") == [17])
        #expect(try sequences("source.ip = 203.0.113.66") == [9, 12, 15])
        #expect(try sequences("not source.ip in 198.51.100.0/24 and source = firewall") == [9])
        #expect(try sequences("not (source = firewall or source = web.access)") == [15, 16, 17])
        #expect(try sequences("network.transport = icmp") == [11])
        // A missing field fails every comparison, != included; `not` flips that.
        #expect(try sequences("destination.port != 80 and source=firewall") == [1, 3, 4, 5, 6, 7, 10])
        #expect(try sequences("not destination.port = 80 and source=firewall") == [1, 3, 4, 5, 6, 7, 10, 11])
        #expect(try sequences("rule.id = 4").count == 8)
        #expect(try sequences("").count == 17)
        #expect(try sequences("event.dataset = dhcp") == [17])
        #expect(try sequences("message contains 'Failed password for root'") == [15])
    }

    @Test("group-by counts, top-N, ordering, limits and tick ranges")
    func grouping() throws {
        let top = try run(HuntQuery(where: "source=firewall", limit: 2, groupBy: ["source.ip"]))
        #expect(top.matched == 11 && top.distinctGroups == 3)
        #expect(top.groups == [.init(values: ["198.51.100.7"], count: 8), .init(values: ["198.51.100.20"], count: 2)])
        let ports = try run(
            HuntQuery(
                where: "source.ip in 198.51.100.0/24 and source=firewall", groupBy: ["destination.port"],
                orderBy: "destination.port desc"))
        #expect(ports.groups.map(\.values) == [["8080"], ["3306"], ["1500"], ["1024"], ["443"], ["80"], ["22"], [nil]])
        #expect(ports.groups.first?.values == ["8080"])
        #expect(ports.groups.last?.values == [nil], "icmp has no port; missing values sort last")
        #expect(ports.groups.first { $0.values == ["80"] }?.count == 2)
        let pairs = try run(
            HuntQuery(where: "source = firewall", groupBy: ["source.ip", "event.action"], orderBy: "count asc"))
        #expect(pairs.groups.first?.count == 1)
        #expect(pairs.groups.last == .init(values: ["198.51.100.7", "drop"], count: 8))
        let newest = try run(HuntQuery(where: "source=firewall", limit: 3))
        #expect(newest.events.map(\.sequence) == [9, 10, 11])
        let ordered = try run(HuntQuery(where: "source=firewall", limit: 3, orderBy: "destination.port desc"))
        #expect(ordered.events.compactMap(\.destinationPort) == [8_080, 3_306, 1_500])
        let range = try run(HuntQuery(where: "", sinceTick: 4, untilTick: 5))
        #expect(range.scanned == 3 && range.events.map(\.sequence) == [12, 13, 14])
    }

    @Test(
        "every error names the token and its column",
        arguments: [
            ("source=firewall and and", "unexpected 'and' at column 21; expected a field name"),
            ("event.action= and x", "unexpected 'and' at column 15; expected a value"),
            ("destination.port >= ", "unexpected end of query at column 21; expected a value"),
            ("foo.bar = 1", "unknown field 'foo.bar' at column 1"),
            ("url.path < 3", "'<' compares numbers, and url.path is text at column 10"),
            ("destination.port = http", "invalid value 'http' at column 20; destination.port needs a number"),
            (
                "source.ip in 10.0.0.0/33",
                "invalid value '10.0.0.0/33' at column 14; source.ip in needs a CIDR such as 198.51.100.0/24"
            ),
            (
                "destination.port in 2000-1000",
                "invalid value '2000-1000' at column 21; destination.port in needs a range LOW-HIGH such as 1000-2000"
            ),
            ("url.path contains \"login", "unterminated string starting at column 19"),
            ("(source=dns", "unexpected end of query at column 12; expected ')'"),
            ("source=dns)", "unexpected ')' at column 11; expected 'and', 'or' or the end of the query"),
            (
                "source=mail",
                "invalid value 'mail' at column 8; expected a data source (firewall, web.access, auth, dns, dhcp)"
            ),
            ("user.name ! x", "unexpected '!' at column 11; did you mean '!=' or 'not'?"),
            (
                "source.ip 10.0.0.1",
                "unexpected '10.0.0.1' at column 11; expected an operator (=, !=, <, <=, >, >=, in, contains)"
            ),
            ("source < firewall", "'<' does not apply to the data source; use = or != at column 8"),
            (
                "destination.port contains 8",
                "'contains' does not apply to destination.port (a number); use = or != at column 18"
            ),
            ("url.path in 1-2", "'in' does not apply to url.path (text); use =, != or contains at column 10"),
            (
                "source.ip = 10.0.0.0/8",
                "invalid value '10.0.0.0/8' at column 13; source.ip needs an IPv4 address (use 'in' for a CIDR)"
            ),
            ("host.mac = zz", "invalid value 'zz' at column 12; host.mac needs a MAC address"),
            ("not", "unexpected end of query at column 4; expected a field name"),
        ])
    func errors(query: String, message: String) {
        let error = #expect(throws: HuntQueryError.self) { try HuntParser.parse(query) }
        #expect(error?.message == message)
    }

    @Test("the caret line points at the offending token")
    func diagnostic() throws {
        let query = "source=firewall and event.action= and source.ip in 198.51.100.0/24"
        let error = try #require(#expect(throws: HuntQueryError.self) { try HuntParser.parse(query) })
        #expect(error.message == "unexpected 'and' at column 35; expected a value")
        #expect(error.diagnostic(for: query) == "\(error.message)\n\(query)\n\(String(repeating: " ", count: 34))^^^")
    }

    @Test("request options are validated")
    func options() {
        let symbols = SymbolTable()
        for (query, message) in [
            (HuntQuery(limit: 0), "limit must be at least 1 (got 0)"),
            (HuntQuery(groupBy: ["nope"]), "unknown groupBy field 'nope'"),
            (HuntQuery(orderBy: "count"), "orderBy count needs groupBy (at column 1 of orderBy)"),
            (
                HuntQuery(orderBy: "source.ip sideways"),
                "unexpected 'sideways' at column 11 of orderBy; expected asc or desc"
            ),
            (HuntQuery(orderBy: "nope"), "unknown field 'nope' at column 1 of orderBy"),
            (
                HuntQuery(groupBy: ["source.ip"], orderBy: "destination.port"),
                "orderBy destination.port must be a groupBy field or count"
            ),
        ] {
            let error = #expect(throws: HuntQueryError.self) { try CompiledHunt(query, symbols: symbols) }
            #expect(error?.message == message)
        }
    }

    @Test("hunting the simulation's flood finds the attacker as the top talker")
    func topTalker() throws {
        var run = try MonitoredSimulation(seed: 13)
        var filter = AcceptAllPacketFilter()
        run.run(ticks: 200, filter: &filter)
        let query = HuntQuery(where: "source=firewall and destination.port = 80", limit: 1, groupBy: ["source.ip"])
        let result = try CompiledHunt(query, symbols: run.monitor.symbols).run(
            on: run.monitor.store, symbols: run.monitor.symbols)
        #expect(result.groups.first?.values == [run.simulation.initialAttackerAddresses[0].description])
    }
}
