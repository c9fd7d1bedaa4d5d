/// Attempts and successes over the last `windowTicks` ticks, with running sums so that reading
/// the rate costs nothing.
package struct TickWindowCounter: Sendable, Hashable, Codable {
    package let windowTicks: Int
    private var attempted: [Int]
    private var succeeded: [Int]
    private var next = 0
    package private(set) var recordedTicks = 0
    package private(set) var attemptedSum = 0
    package private(set) var succeededSum = 0

    package init(windowTicks: Int) {
        precondition(windowTicks > 0, "a window needs at least one tick")
        self.windowTicks = windowTicks
        attempted = Array(repeating: 0, count: windowTicks)
        succeeded = Array(repeating: 0, count: windowTicks)
    }

    package mutating func record(attempted newAttempted: Int, succeeded newSucceeded: Int) {
        attemptedSum += newAttempted - attempted[next]
        succeededSum += newSucceeded - succeeded[next]
        attempted[next] = newAttempted
        succeeded[next] = newSucceeded
        next = (next + 1) % windowTicks
        recordedTicks = min(recordedTicks + 1, windowTicks)
    }

    package var isFull: Bool { recordedTicks == windowTicks }

    /// Nil when nothing was attempted in the window.
    package var successRate: Double? {
        attemptedSum == 0 ? nil : Double(succeededSum) / Double(attemptedSum)
    }
}
