import Testing

@testable import SocSim

private struct Stamped: TickStamped, Equatable {
    var tick: Int64
}

@Suite struct SimRetentionTests {
    @Test func ringKeepsTheNewestElements() {
        var ring = RingBuffer<Stamped>(capacity: 3)
        for tick in 1...5 { ring.append(Stamped(tick: Int64(tick))) }
        #expect(ring.count == 3)
        #expect(ring.totalAppended == 5)
        #expect(ring.elements.map(\.tick) == [3, 4, 5])
        #expect(ring.suffix(2).map(\.tick) == [4, 5])
        #expect(ring.suffix(10).map(\.tick) == [3, 4, 5])
        #expect(ring.last?.tick == 5)
    }

    @Test func sinceTickBinarySearchesAcrossTheWrap() {
        var ring = RingBuffer<Stamped>(capacity: 5)
        for tick in [1, 2, 2, 3, 4, 4, 4, 6] { ring.append(Stamped(tick: Int64(tick))) }
        // Retained: 3 4 4 4 6, stored wrapped.
        #expect(ring.elements(sinceTick: 4).map(\.tick) == [4, 4, 4, 6])
        #expect(ring.elements(sinceTick: 5).map(\.tick) == [6])
        #expect(ring.elements(sinceTick: 0).map(\.tick) == [3, 4, 4, 4, 6])
        #expect(ring.elements(sinceTick: 7).isEmpty)
        #expect(ring.elements(sinceTick: 4, limit: 2).map(\.tick) == [4, 6])
    }

    @Test func zeroCapacityKeepsNothingButCounts() {
        var ring = RingBuffer<Stamped>(capacity: 0)
        ring.append(Stamped(tick: 1))
        #expect(ring.isEmpty)
        #expect(ring.totalAppended == 1)
    }

    @Test func simulationLogsStayWithinTheirCapacity() throws {
        let retention = LogRetention(firewall: 500, webAccess: 300, auth: 2, dns: 10, dhcp: 3, traffic: 50)
        var simulation = try makeSimulation(seed: 1, retention: retention)
        var filter = AcceptAllPacketFilter()
        simulation.step(ticks: 300, filter: &filter)
        for dataset in LogDataset.allCases {
            #expect(simulation.logs.retainedCount(of: dataset) <= retention.capacity(of: dataset))
        }
        #expect(simulation.logs.retainedCount(of: .firewall) == 500)
        #expect(simulation.logs.totalWritten(to: .firewall) == UInt64(simulation.counters.packets))
        #expect(simulation.recentTraffic.count == 50)
        // The newest are kept: the last firewall record belongs to the last tick.
        #expect(simulation.logs.firewall.last?.tick == 299)
        let tail = simulation.logs.tail(.webAccess, limit: 20, sinceTick: 290)
        #expect(tail.count == 20)
        #expect(tail.allSatisfy { $0.tick >= 290 && $0.dataset == .webAccess })
    }
}
