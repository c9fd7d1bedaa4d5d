import Testing

@testable import SocSim

@Suite struct SimEffectsTests {
    @Test(arguments: [(40, 10), (40, 40), (40, 41), (40, 166), (1, 1000), (7, 9)])
    func admissionAnswersExactlyCapacityEvenlySpread(capacity: Int, arrivals: Int) {
        var admission = WebServerModel.Admission(capacity: capacity, arrivals: arrivals)
        let decisions = (0..<arrivals).map { _ in admission.admitNext() }
        #expect(decisions.filter { $0 }.count == min(capacity, arrivals))
        // Evenly spread: no half of the arrivals gets much more than its share.
        let firstHalf = decisions.prefix(arrivals / 2).filter { $0 }.count
        #expect(abs(firstHalf - min(capacity, arrivals) / 2) <= 1 + min(capacity, arrivals) % 2)
    }

    @Test func serverResponses() {
        let server = WebServerModel(capacityPerTick: 10)
        func response(_ method: HTTPRequest.Method, _ path: String, credentials: Bool? = nil) -> Int {
            server.response(to: HTTPRequest(method: method, path: path, userAgent: "t", credentialsValid: credentials))
                .statusCode
        }
        #expect(response(.get, "/") == 200)
        #expect(response(.get, "/search?q=x") == 200)
        #expect(response(.get, "/nope") == 404)
        #expect(response(.post, "/login", credentials: true) == 302)
        #expect(response(.post, "/login", credentials: false) == 401)
        #expect(server.response(to: HTTPRequest(method: .head, path: "/", userAgent: "t")).bodyBytes == 0)
    }

    @Test func serverLoadFollowsArrivals() {
        var server = WebServerModel(capacityPerTick: 10)
        for _ in 0..<50 { server.finishTick(arrivals: 30, served: 10) }
        #expect(abs(server.load - 3) < 0.01)
        for _ in 0..<50 { server.finishTick(arrivals: 5, served: 5) }
        #expect(abs(server.load - 0.5) < 0.01)
    }

    @Test func tickWindowForgetsOldTicks() {
        var window = TickWindowCounter(windowTicks: 3)
        #expect(window.successRate == nil && !window.isFull)
        window.record(attempted: 10, succeeded: 0)
        window.record(attempted: 10, succeeded: 10)
        window.record(attempted: 10, succeeded: 10)
        #expect(window.isFull)
        #expect(window.successRate == 20.0 / 30.0)
        window.record(attempted: 10, succeeded: 10)
        #expect(window.successRate == 1)
        #expect(window.attemptedSum == 30)
    }

    @Test func siteHealthThresholds() {
        #expect(SiteHealth(legitimateSuccessRate: 0.97, serverLoad: 5) == .up)
        #expect(SiteHealth(legitimateSuccessRate: 0.6, serverLoad: 0) == .degraded)
        #expect(SiteHealth(legitimateSuccessRate: 0.3, serverLoad: 0) == .down)
        #expect(SiteHealth(legitimateSuccessRate: nil, serverLoad: 0.5) == .up)
        #expect(SiteHealth(legitimateSuccessRate: nil, serverLoad: 3) == .down)
    }

    @Test func scoreRewardsSpeedAndPrecision() {
        #expect(ScenarioScore.score(ticksToSolve: 100, legitimateSuccessRate: 1, passMark: 0.9) == 100)
        #expect(ScenarioScore.score(ticksToSolve: 6_000, legitimateSuccessRate: 1, passMark: 0.9) == 80)
        #expect(ScenarioScore.score(ticksToSolve: 3_300, legitimateSuccessRate: 0.95, passMark: 0.9) == 80)
        #expect(ScenarioScore.score(ticksToSolve: 100_000, legitimateSuccessRate: 0.9, passMark: 0.9) == 60)
    }

    @Test func dhcpServerLeasesUnknownDevicesFromThePool() {
        let known = MACAddress(0x5254_0000_0001)
        let rogue = MACAddress(0xDEAD_BEEF_0001)
        let other = MACAddress(0xDEAD_BEEF_0002)
        var server = DHCPServerModel(
            reservations: [.init(mac: known, address: IPv4Address(10, 0, 0, 21), hostName: "workstation-1")],
            pool: IPv4Address(10, 0, 0, 100).value...IPv4Address(10, 0, 0, 101).value)
        func message(_ kind: DHCPMessage.Kind, _ mac: MACAddress, _ address: IPv4Address? = nil) -> DHCPMessage {
            DHCPMessage(kind: kind, clientMAC: mac, clientHostName: "h", requestedAddress: address)
        }
        #expect(server.handle(message(.discover, known)).map(\.1) == [nil, IPv4Address(10, 0, 0, 21)])
        #expect(server.handle(message(.discover, rogue)).map(\.1) == [nil, IPv4Address(10, 0, 0, 100)])
        #expect(server.handle(message(.discover, other)).map(\.1) == [nil, IPv4Address(10, 0, 0, 101)])
        // Pool exhausted: no offer.
        #expect(server.handle(message(.discover, MACAddress(0xDEAD_BEEF_0003))).map(\.0) == [.discover])
        #expect(
            server.handle(message(.request, rogue, IPv4Address(10, 0, 0, 100))).map(\.0) == [.request, .ack])
        #expect(server.handle(message(.request, rogue, IPv4Address(10, 0, 0, 21))).map(\.0) == [.request, .nak])
        _ = server.handle(message(.release, rogue, IPv4Address(10, 0, 0, 100)))
        #expect(server.dynamicLeases.map(\.mac) == [other])
    }

    @Test func dhcpServerGrantsARequestedFreePoolAddress() {
        let first = MACAddress(0xB827_EB00_0001)
        let second = MACAddress(0xB827_EB00_0002)
        let third = MACAddress(0xB827_EB00_0003)
        var server = DHCPServerModel(reservations: [], pool: DHCPServerModel.roomPool)
        func message(_ kind: DHCPMessage.Kind, _ mac: MACAddress, _ address: IPv4Address?) -> DHCPMessage {
            DHCPMessage(kind: kind, clientMAC: mac, clientHostName: "h", requestedAddress: address)
        }
        let wanted = IPv4Address(10, 0, 0, 150)
        #expect(server.handle(message(.discover, first, wanted)).map(\.1) == [nil, wanted])
        #expect(server.handle(message(.request, first, wanted)).map(\.0) == [.request, .ack])
        // Taken, or outside the pool: the lowest free address instead.
        #expect(server.handle(message(.discover, second, wanted)).map(\.1) == [nil, IPv4Address(10, 0, 0, 100)])
        #expect(
            server.handle(message(.discover, third, IPv4Address(10, 0, 0, 21))).map(\.1)
                == [nil, IPv4Address(10, 0, 0, 101)])
    }
}
