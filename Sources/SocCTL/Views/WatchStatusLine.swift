import SocProtocol

/// The watch view's plain form for a pipe or a file, one line a second:
/// `09:05:46 tick 3468 running  site down  load 3.29  packets 436,538 accepted 436,538 dropped 0
/// rejected 0  attack 413,346 sent 0 blocked  progress 0%`, and the flag once solved or the
/// tick the attacker got in.
package enum WatchStatusLine {
    package static func format(sim: SimStatusInfo, scenario: ScenarioStatusInfo?) -> String {
        let counters = sim.counters
        var text =
            "\(TrafficLine.timeOfDay(sim.simulatedTime).prefix(8)) tick \(sim.tick) \(sim.state.rawValue)"
            + "  site \(sim.siteHealth.rawValue)  load \(SimStatusText.decimal(sim.serverLoad, places: 2))"
            + "  packets \(HumanFormat.grouped(counters.packets)) accepted \(HumanFormat.grouped(counters.accepted))"
            + " dropped \(HumanFormat.grouped(counters.dropped)) rejected \(HumanFormat.grouped(counters.rejected))"
            + "  attack \(HumanFormat.grouped(counters.maliciousPackets)) sent"
            + " \(HumanFormat.grouped(counters.maliciousBlocked)) blocked"
        if let scenario {
            let percent = scenario.solved ? 100 : min(99, Int((scenario.progress * 100).rounded(.down)))
            text += "  progress \(percent)%"
            if let flag = scenario.flag { text += "  solved  flag \(flag)" }
            if scenario.state == .compromised, let tick = scenario.compromisedAtTick {
                text += "  compromised at tick \(tick)"
            }
        }
        return text
    }
}
