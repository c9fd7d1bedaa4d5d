import Testing

@testable import SocSim

/// `CandidateTable` against a dictionary: lookups walk tag bytes eight at a time (runs longer
/// than eight, runs that wrap past the last bucket, tags that agree for another key), deletion
/// shifts buckets and their tags back, and growth re-tags everything. The random key sets are
/// large and the table half full, so all of those happen many times per seed.
@Suite struct CandidateTableTests {
    /// A record for `slot`, whose order key is the slot itself.
    private static func record(_ slot: UInt32) -> CompiledRule {
        CompiledRule(
            FirewallRule(id: Int64(slot) + 1, position: 0, action: .drop, createdAt: 0), orderKey: UInt64(slot))
    }

    private static func expectAgreement(
        _ table: CandidateTable, with model: [UInt64: UInt32], absent: [UInt64], seed: UInt64
    ) {
        #expect(table.count == model.count, "seed \(seed)")
        for (key, slot) in model {
            let bucket = table.bucket(forKey: key)
            #expect(bucket?.pointee.key == key && bucket?.pointee.slot == slot, "seed \(seed): key \(key)")
        }
        for key in absent where model[key] == nil {
            #expect(table.bucket(forKey: key) == nil, "seed \(seed): absent key \(key) found")
        }
        // The pipelined lookup (`locate`, `narrow`, `finishNarrowedProbe`) agrees with the single one.
        var probes = (model.keys.prefix(500) + absent.prefix(500)).map(table.locate)
        for index in probes.indices {
            table.prefetchTags(of: probes[index])
            table.narrow(&probes[index])
        }
        for probe in probes {
            let bucket = table.finishNarrowedProbe(probe)
            if let slot = model[probe.key] {
                #expect(bucket.pointee.key == probe.key && bucket.pointee.slot == slot, "seed \(seed)")
            } else {
                #expect(bucket.pointee.key == CandidateTable.vacant, "seed \(seed): absent key found in a batch")
                #expect(!bucket.pointee.matches(FiveTuple.sample, protocolBit: 0xFF, now: 0))
            }
        }
    }

    @Test(arguments: 0..<6)
    func agreesWithADictionaryThroughInsertsAndRemovals(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var table = CandidateTable()
        var model: [UInt64: UInt32] = [:]
        var nextSlot: UInt32 = 0
        // Keys shaped like the index's (a kind in the high half), some of them near neighbours so
        // that their homes cluster.
        func randomKey() -> UInt64 {
            let kind = UInt64.random(in: 0...65, using: &generator)
            let value =
                Bool.random(using: &generator)
                ? UInt64.random(in: 0...4_096, using: &generator) : generator.next() & 0xFFFF_FFFF
            return kind << 32 | value
        }
        for round in 0..<4 {
            for _ in 0..<3_000 {
                let key = randomKey()
                guard model[key] == nil else { continue }
                let slot = nextSlot
                nextSlot += 1
                let isNew = table.insert(slot, forKey: key, record: Self.record)
                #expect(isNew)
                model[key] = slot
            }
            let absent = (0..<3_000).map { _ in randomKey() }
            Self.expectAgreement(table, with: model, absent: absent, seed: seed)
            // Remove about half, in random order, so that many runs are shifted back.
            for key in model.keys.shuffled(using: &generator).prefix(model.count / 2 + round) {
                let slot = model.removeValue(forKey: key)!
                let isGone = table.remove(slot, forKey: key, record: Self.record)
                #expect(isGone)
            }
            Self.expectAgreement(table, with: model, absent: absent, seed: seed)
        }
    }

    @Test func aFullTableOfOneHomeStillFindsEveryKey() {
        // Keys that share their low bits collide in small tables; the table grows past them and
        // every lookup still ends at the right bucket or at a vacant one.
        var table = CandidateTable()
        var model: [UInt64: UInt32] = [:]
        for slot in UInt32(0)..<200 {
            let key = UInt64(slot) << 40
            let isNew = table.insert(slot, forKey: key, record: Self.record)
            #expect(isNew)
            model[key] = slot
        }
        Self.expectAgreement(table, with: model, absent: (200..<400).map { UInt64($0) << 40 }, seed: 0)
    }
}

extension FiveTuple {
    fileprivate static let sample = FiveTuple(
        source: IPv4Address(0x0A00_0001), destination: IPv4Address(0x0A00_000A), sourcePort: 1, destinationPort: 80,
        proto: .tcp)
}
