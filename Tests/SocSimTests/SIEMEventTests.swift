import Testing

@testable import SocSim

@Suite("SIEM events")
struct SIEMEventTests {
    @Test("every normalized field and native line equals its record's")
    func normalizationMatchesRecords() throws {
        var simulation = try makeSimulation(seed: 11)
        var filter = BlockListFilter()
        filter.add(source: .host(simulation.initialAttackerAddresses[0]), destinationPort: 80)
        simulation.step(ticks: 400, filter: &filter)
        var normalizer = EventNormalizer()
        var seen = Set<LogDataset>()
        for record in LogStoreCursor().readingNew(from: simulation.logs) {
            let event = normalizer.normalize(record)
            seen.insert(event.dataset)
            #expect(event.nativeLine(symbols: normalizer.symbols) == record.nativeLine)
            for field in ECSField.allCases {
                let expected = record.field(field)
                let actual = event.value(of: field, symbols: normalizer.symbols)?.logFieldValue(
                    with: normalizer.symbols)
                #expect(actual == expected, "\(record.dataset.rawValue) \(field.rawValue)")
            }
        }
        #expect(seen == Set(LogDataset.allCases))
    }

    @Test("sequence numbers are consecutive and the symbol table is shared")
    func sequences() {
        var factory = EventFactory()
        let first = factory.web(tick: 1, from: visitor)
        let second = factory.web(tick: 1, from: attacker)
        #expect(first.sequence == 1 && second.sequence == 2)
        #expect(first.action == second.action)
        #expect(factory.symbols[first.action] == "access")
        #expect(MemoryLayout<SecurityEvent>.stride <= 112)
    }

    @Test("the store keeps the newest events and finds them by sequence and tick")
    func retentionRing() {
        var factory = EventFactory()
        var store = SecurityEventStore(capacity: 4)
        for tick in 0..<10 { store.append(factory.web(tick: Int64(tick), from: visitor)) }
        #expect(store.count == 4)
        #expect(store.totalAppended == 10)
        #expect(store.first?.sequence == 7 && store.last?.sequence == 10)
        #expect(store.event(sequence: 6) == nil)
        #expect(store.event(sequence: 8)?.tick == 7)
        #expect(store.event(sequence: 11) == nil)
        #expect(store.offsets(ticks: 7...8) == 1..<3)
        #expect(store.offsets(ticks: 20...30).isEmpty)
        var ticks: [Int64] = []
        store.forEach(in: 0..<4) { ticks.append($0.tick) }
        #expect(ticks == [6, 7, 8, 9])
        ticks = []
        store.forEach(in: 1..<3) { ticks.append($0.tick) }
        #expect(ticks == [7, 8])
    }

    @Test("the cursor reads each record once, merged by tick, and counts what it missed")
    func cursor() throws {
        var simulation = try makeSimulation(
            seed: 3, retention: LogRetention(firewall: 50, webAccess: 100_000, auth: 1_000, dns: 1_000, dhcp: 1_000))
        var filter = AcceptAllPacketFilter()
        var cursor = LogStoreCursor()
        simulation.step(ticks: 5, filter: &filter)
        let first = cursor.readNew(from: simulation.logs)
        #expect(zip(first, first.dropFirst()).allSatisfy { $0.tick <= $1.tick })
        #expect(cursor.readNew(from: simulation.logs).isEmpty)
        simulation.step(ticks: 50, filter: &filter)
        let second = cursor.readNew(from: simulation.logs)
        #expect(second.allSatisfy { $0.tick >= 5 })
        #expect(cursor.missed > 0)
    }
}

extension LogStoreCursor {
    /// One read by a fresh cursor.
    func readingNew(from logs: LogStore) -> [LogRecord] {
        var copy = self
        return copy.readNew(from: logs)
    }
}
