/// A count over the last `window` ticks, exact: one bucket per tick that saw events, expired from
/// the front as time moves on. Ticks must not go backwards.
struct SlidingTickCounter: Sendable {
    private struct Bucket: Sendable {
        var tick: Int64
        var count: Int
    }

    private var buckets: [Bucket] = []
    private var head = 0
    /// Events in the window as of the last `add` or `expire`.
    private(set) var total = 0

    init() {}

    /// Counts `count` events at `tick` and forgets what fell out of `(tick - window, tick]`.
    @inline(__always)
    mutating func add(_ count: Int = 1, at tick: Int64, window: Int64) {
        expire(now: tick, window: window)
        if head < buckets.count && buckets[buckets.count - 1].tick == tick {
            buckets[buckets.count - 1].count += count
        } else {
            buckets.append(Bucket(tick: tick, count: count))
        }
        total += count
    }

    mutating func expire(now: Int64, window: Int64) {
        let start = now - window + 1
        while head < buckets.count && buckets[head].tick < start {
            total -= buckets[head].count
            head += 1
        }
        // Compact once the dead prefix dominates, so storage stays proportional to the window.
        if head > 16 && head * 2 > buckets.count {
            buckets.removeFirst(head)
            head = 0
        }
    }

    mutating func reset() {
        buckets.removeAll()
        head = 0
        total = 0
    }
}
