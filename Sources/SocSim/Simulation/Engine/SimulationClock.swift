/// Simulated time: tick `n` happens `n × millisecondsPerTick` after `originEpochMilliseconds`.
/// Timestamps derive from ticks alone, never from the wall clock, so two runs log identically.
package struct SimulationClock: Sendable, Hashable, Codable {
    package var originEpochMilliseconds: Int64
    package var millisecondsPerTick: Int64

    /// 2024-05-14T09:00:00Z, ten ticks a second.
    package static let standard = SimulationClock(originEpochMilliseconds: 1_715_677_200_000, millisecondsPerTick: 100)

    package init(originEpochMilliseconds: Int64, millisecondsPerTick: Int64) {
        precondition(millisecondsPerTick > 0, "ticks must take time")
        self.originEpochMilliseconds = originEpochMilliseconds
        self.millisecondsPerTick = millisecondsPerTick
    }

    @inline(__always)
    package func epochMilliseconds(atTick tick: Int64) -> Int64 {
        originEpochMilliseconds + tick * millisecondsPerTick
    }
}
