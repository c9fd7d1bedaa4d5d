/// A moment on both clocks the SOC uses: the simulation's tick, and wall-clock milliseconds
/// since the epoch (what a report prints).
package struct SIEMInstant: Sendable, Hashable, Codable {
    package var tick: Int64
    package var epochMilliseconds: Int64

    package init(tick: Int64, epochMilliseconds: Int64) {
        self.tick = tick
        self.epochMilliseconds = epochMilliseconds
    }
}
