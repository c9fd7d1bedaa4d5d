import SocProtocol
import SocSim

/// Picks the packets the `traffic` topic carries: at most `TrafficEvent.packetsPerSecond` a
/// second of wall time (a token bucket holding one second's worth), spread evenly over the
/// packets simulated since the last event so that the sample keeps the traffic's mix.
///
/// Its cost is bounded by the sample, not by the traffic: a slow or absent subscriber never
/// slows the simulation.
struct TrafficSampler: Sendable {
    static let rate = Double(TrafficEvent.packetsPerSecond)

    /// The first tick not yet sampled.
    private(set) var nextTick: Int64
    private var tokens = TrafficSampler.rate
    private var lastRefillMilliseconds: Int64?
    private var omitted = 0

    init(nextTick: Int64) { self.nextTick = nextTick }

    /// Forgets ticks up to `tick` without sampling them: nobody is listening.
    mutating func skip(toTick tick: Int64) {
        nextTick = tick
        omitted = 0
    }

    /// The event for the packets of ticks `nextTick..<tick`, or nil when none are retained or
    /// the budget is spent (they count as omitted in the next event).
    mutating func sample(
        _ traffic: RingBuffer<ObservedPacket>, throughTick tick: Int64, nowMilliseconds: Int64,
        clock: SimulationClock
    ) -> TrafficEvent? {
        let fromTick = nextTick
        nextTick = tick
        if let last = lastRefillMilliseconds {
            tokens = min(Self.rate, tokens + Double(max(0, nowMilliseconds - last)) * Self.rate / 1000)
        }
        lastRefillMilliseconds = nowMilliseconds
        let firstOffset = traffic.firstOffset(atOrAfterTick: fromTick)
        let fresh = traffic.firstOffset(atOrAfterTick: tick) - firstOffset
        guard fresh > 0 else { return nil }
        let budget = min(fresh, Int(tokens))
        guard budget > 0 else {
            omitted += fresh
            return nil
        }
        tokens -= Double(budget)
        let packets = (0..<budget).map { index in
            traffic[firstOffset + index * fresh / budget].trafficPacket(clock: clock)
        }
        let event = TrafficEvent(
            fromTick: Int(fromTick), toTick: Int(tick - 1), packets: packets, omitted: omitted + fresh - budget)
        omitted = 0
        return event
    }
}
