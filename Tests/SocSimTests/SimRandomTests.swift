import Testing

@testable import SocSim

@Suite struct SimRandomTests {
    @Test func xoshiroMatchesReferenceImplementation() throws {
        // Outputs of the reference C code (prng.di.unimi.it/xoshiro256starstar.c) from state 1,2,3,4.
        var generator = try #require(Xoshiro256StarStar(state: [1, 2, 3, 4]))
        let outputs = (0..<6).map { _ in generator.next() }
        #expect(
            outputs == [
                11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600,
            ])
    }

    @Test func splitMixMatchesReferenceImplementation() {
        var expander = SplitMix64(seed: 1_234_567)
        #expect(
            [expander.next(), expander.next(), expander.next()] == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            ])
    }

    @Test func seedingExpandsWithSplitMix() {
        var generator = Xoshiro256StarStar(seed: 42)
        #expect(
            generator.state == [
                13_679_457_532_755_275_413, 2_949_826_092_126_892_291, 5_139_283_748_462_763_858,
                6_349_198_060_258_255_764,
            ])
        #expect(generator.next() == 1_546_998_764_402_558_742)
    }

    @Test func allZeroStateIsRefused() {
        #expect(Xoshiro256StarStar(state: [0, 0, 0, 0]) == nil)
        #expect(Xoshiro256StarStar(state: [1, 2, 3]) == nil)
    }

    @Test func stateRoundTripResumesTheStream() throws {
        var original = Xoshiro256StarStar(seed: 7)
        for _ in 0..<100 { _ = original.next() }
        var restored = try #require(Xoshiro256StarStar(state: original.state))
        #expect((0..<50).map { _ in original.next() } == (0..<50).map { _ in restored.next() })
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var generator = Xoshiro256StarStar(seed: 99)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[generator.nextIndex(below: 7)] += 1 }
        // Each bucket expects 10,000; 5 % is more than 10 standard deviations.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 }, "\(counts)")
        for _ in 0..<1000 {
            #expect((5...9).contains(generator.nextInt(in: 5...9)))
            let unit = generator.nextUnit()
            #expect(unit >= 0 && unit < 1)
            #expect((32768...60999).contains(generator.ephemeralPort()))
        }
    }

    @Test func eventCountAveragesToTheRate() {
        var generator = Xoshiro256StarStar(seed: 5)
        for mean in [0.04, 0.5, 6.0, 120.0] {
            let total = (0..<20_000).reduce(0) { sum, _ in sum + generator.eventCount(mean: mean) }
            let average = Double(total) / 20_000
            #expect(abs(average - mean) / mean < 0.05, "mean \(mean) gave \(average)")
        }
        #expect(generator.eventCount(mean: 0) == 0)
    }

    @Test func weightedChoiceFollowsWeights() {
        let choice = WeightedChoice([("a", weight: 1), ("b", weight: 3)])
        var generator = Xoshiro256StarStar(seed: 11)
        let bCount = (0..<40_000).filter { _ in choice.pick(using: &generator) == "b" }.count
        #expect(abs(bCount - 30_000) < 600)
    }
}
