import JSONRPC
import SocProtocol
import SocSim
import Testing

@testable import SocDaemon

@Suite("Simulation events")
struct SimPublishingTests {
    @Test func samplerNeverPublishesMoreThanItsBudgetAndCountsTheRest() throws {
        var traffic = RingBuffer<ObservedPacket>(capacity: 10_000)
        let packet = Packet(
            id: 1, tick: 0,
            tuple: FiveTuple(
                source: IPv4Address(192, 0, 2, 1), destination: IPv4Address(10, 0, 0, 10), sourcePort: 40_000,
                destinationPort: 80, proto: .tcp), size: 400, tcpFlags: .data,
            payload: .http(HTTPRequest(method: .get, path: "/", userAgent: "test")), malicious: true,
            sourceHost: nil, destinationHost: "web-server")
        for tick in 0..<10 {
            for id in 0..<100 {
                var copy = packet
                copy.tick = Int64(tick)
                copy.id = UInt64(tick * 100 + id + 1)
                traffic.append(ObservedPacket(packet: copy, verdict: .acceptByPolicy, outcome: .delivered))
            }
        }
        var sampler = TrafficSampler(nextTick: 0)
        let firstSample = sampler.sample(traffic, throughTick: 5, nowMilliseconds: 1_000, clock: .standard)
        let first = try #require(firstSample)
        #expect(first.packets.count == TrafficEvent.packetsPerSecond)
        #expect(first.omitted == 500 - TrafficEvent.packetsPerSecond)
        #expect(first.fromTick == 0 && first.toTick == 4)
        #expect(first.packets.map(\.id) == first.packets.map(\.id).sorted())
        // The budget is spent: the same wall-clock instant publishes nothing and counts the omission.
        let spent = sampler.sample(traffic, throughTick: 7, nowMilliseconds: 1_000, clock: .standard)
        #expect(spent == nil)
        // Half a second later half the budget is back.
        let laterSample = sampler.sample(traffic, throughTick: 10, nowMilliseconds: 1_500, clock: .standard)
        let later = try #require(laterSample)
        #expect(later.packets.count == TrafficEvent.packetsPerSecond / 2)
        #expect(later.omitted == 200 + 300 - TrafficEvent.packetsPerSecond / 2)
    }

    @Test func progressTrackerAnnouncesTheAttackProtectionAndTheSolveOnce() throws {
        var simulation = try Simulation(seed: 8, flagSecret: nil)
        var tracker = ScenarioProgressTracker(simulation)
        var kinds: [ScenarioEvent.Kind] = []
        var filter = AcceptAllPacketFilter()
        simulation.step(ticks: 40, filter: &filter)
        if let kind = tracker.update(simulation) { kinds.append(kind) }
        #expect(kinds == [.progress], "the attack started")
        let unchanged = tracker.update(simulation)
        #expect(unchanged == nil)

        struct Blocking: PacketFilter {
            let attacker: IPv4Address
            func decide(_ packet: FiveTuple, nowMilliseconds: Int64) -> PacketVerdict {
                packet.source == attacker ? PacketVerdict(action: .drop, ruleID: 1) : .acceptByPolicy
            }
        }
        var blocking = Blocking(attacker: simulation.initialAttackerAddresses[0])
        for _ in 0..<200 {
            simulation.step(ticks: 1, filter: &blocking)
            if let kind = tracker.update(simulation) { kinds.append(kind) }
        }
        #expect(kinds.filter { $0 == .solved }.count == 1)
        #expect(kinds.last == .solved)
        // Protection began, then each tenth of the window: more than a few, far fewer than ticks.
        #expect(kinds.count >= 5 && kinds.count <= 15, "\(kinds)")
    }
}
