import Glibc
import SocPOSIX
import SocProtocol

/// The clock: a thread that advances the simulation in real time.
///
/// It counts ticks due since an anchor (the last start, resume, speed change or load) rather than
/// sleeping a fixed period per tick, so the rate holds however long a tick takes. When it falls
/// more than a second behind (the machine was suspended, or a tick costs more than the speed
/// allows) it drops the backlog and re-anchors: time in the simulation slows rather than bursts.
/// It sleeps until the next tick is due, at most 100 ms, so a speed change takes effect within
/// that; a stop wakes it at once.
extension SimulationService {
    private static let maximumSleepMilliseconds: Int64 = 100

    /// Starts the clock thread. Call once.
    package func start() throws {
        let thread = try PosixThread.spawn(name: "socd-sim-clock") { [self] in runClock() }
        clockControl.thread.withLock { $0 = thread }
    }

    /// Stops the clock thread, waits for it, and saves the state durably. Safe to call when the
    /// clock was never started.
    package func stop() {
        clockControl.stopping.store(true, ordering: .releasing)
        clockControl.wake()
        if let thread = clockControl.thread.withLock({ thread in
            defer { thread = nil }; return thread
        }) {
            try? thread.join()
        }
        saveState(wait: true)
    }

    private func runClock() {
        var generation = -1
        var anchor = MonotonicClock.milliseconds
        var ticksSinceAnchor: Int64 = 0
        var nextSummary = anchor + 1000
        var nextSave = anchor + Self.saveIntervalMilliseconds
        while !clockControl.stopping.load(ordering: .acquiring) {
            let now = MonotonicClock.milliseconds
            let (paused, rate, currentGeneration) = runtime.withLock { ($0.paused, $0.ticksPerSecond, $0.generation) }
            if paused || currentGeneration != generation {
                generation = currentGeneration
                anchor = now
                ticksSinceAnchor = 0
            }
            var sleepMilliseconds = Self.maximumSleepMilliseconds
            if !paused {
                var due = Int64(Double(now - anchor) * rate / 1000) - ticksSinceAnchor
                if due > max(1, Int64(rate)) {
                    logger.debug("simulation clock \(due) ticks behind; dropping the backlog")
                    anchor = now
                    ticksSinceAnchor = 0
                    due = 1
                }
                if due > 0 {
                    let produced = runtime.withLock { runtime -> [SimulationEvent] in
                        // A change between reading the settings and now invalidates the batch.
                        guard !runtime.paused, runtime.generation == generation else { return [] }
                        return runtime.advance(
                            ticks: Int(due), firewall: firewall, events: events, logger: logger, security: security)
                    }
                    ticksSinceAnchor += due
                    publish(produced)
                }
                let nextDue = anchor + Int64((Double(ticksSinceAnchor + 1) * 1000 / rate).rounded(.up))
                sleepMilliseconds = min(sleepMilliseconds, max(0, nextDue - MonotonicClock.milliseconds))
                if now >= nextSummary {
                    nextSummary = now + 1000
                    if events.hasSubscribers(.sim) {
                        let summary = runtime.withLock { $0.summary() }
                        publish([SimulationEvent(.sim, encoding: summary)])
                    }
                }
            }
            if now >= nextSave {
                nextSave = now + Self.saveIntervalMilliseconds
                if runtime.withLock({ $0.savedTick != $0.simulation.tick }) { saveState() }
            }
            if sleepMilliseconds > 0 { clockControl.sleep(milliseconds: sleepMilliseconds) }
        }
    }
}
